/**
 * What the implementation pages show: the public list of funded projects (progress, money, map), one project's
 * implementation (status, timeline with photos, the chain from report to built, follow), the section other project
 * pages embed, and the staff pages that track them.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { files, neighbourhoods } from '../../platform/db/schema.ts';
import { resourceChain } from '../../platform/links/chain.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { implementationStatuses, MAX_PROGRESS_PHOTOS, PROJECT_RESOURCE } from './implementation.ts';
import {
	departmentChoices,
	departmentName,
	findProject,
	fundedProjectsOf,
	implementationUrl,
	progressOf,
	projectUrl,
	type Project
} from './implementation-queries.ts';
import { budgetsZones } from './schema.ts';

const cost = (p: Project) => p.cityCost ?? p.estimatedCost;

async function readable(actor: Actor, moduleId: string, spaceSlug?: string) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (spaceSlug !== undefined && ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'read', ctx));
	return { db, ctx, instance };
}

async function tracking(actor: Actor, spaceId: string, moduleId: string) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'track', ctx));
	return { db, ctx, instance };
}

/** Timeline entries with their photos' sizes (for layout without shifts). */
async function timeline(db: Db, projectId: string) {
	const entries = await progressOf(db, projectId);
	const ids = entries.flatMap((e) => e.photoFileIds);
	const sizes = ids.length
		? await db
				.select({ id: files.id, width: files.width, height: files.height })
				.from(files)
				.where(inArray(files.id, ids))
		: [];
	return entries.map((e) => ({
		id: e.id,
		status: e.status,
		progress: e.progress,
		spent: e.spent,
		text: e.text,
		at: e.createdAt,
		photos: e.photoFileIds.flatMap((id) => sizes.filter((s) => s.id === id))
	}));
}

const implementation = (p: Project) => ({
	status: p.implementationStatus ?? 'not_started',
	progress: p.progress ?? 0,
	spent: p.spent,
	cost: cost(p)
});

/** The implementation part of a funded project's page (null for projects that were not funded). */
export async function projectImplementation(db: Db, project: Project) {
	if (project.funded !== true) return null;
	return {
		...implementation(project),
		department: await departmentName(db, project.departmentId),
		timeline: await timeline(db, project.id)
	};
}

/** The chain report → proposal → idea → funded project → built that a project is part of (empty when alone). */
export const projectChain = (db: Db, projectId: string) =>
	resourceChain(db, { resourceType: PROJECT_RESOURCE, resourceId: projectId });

/** Public: every funded project of an edition with its progress, and pins for the map. */
export async function viewImplementationList(
	actor: Actor,
	{ spaceSlug, moduleId }: { spaceSlug: string; moduleId: string }
) {
	const { db, ctx, instance } = await readable(actor, moduleId, spaceSlug);
	const rows = await fundedProjectsOf(db, moduleId);
	const hoods = await db.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods);
	const hoodName = new Map(hoods.map((h) => [h.id, h.name]));
	const projects = rows.map(({ project: p, zoneName, departmentName }) => ({
		id: p.id,
		code: p.code,
		title: p.title,
		zone: zoneName,
		department: departmentName,
		neighbourhood: (p.neighbourhoodId && hoodName.get(p.neighbourhoodId)) || null,
		address: p.address,
		lat: p.latitude,
		lng: p.longitude,
		url: implementationUrl(spaceSlug, moduleId, p.id),
		...implementation(p)
	}));
	return {
		space: ctx.space,
		module: { id: instance.id, title: instance.title },
		projects,
		totals: {
			cost: projects.reduce((s, p) => s + p.cost, 0),
			spent: projects.reduce((s, p) => s + (p.spent ?? 0), 0),
			completed: projects.filter((p) => p.status === 'completed').length
		}
	};
}

/** Public: one funded project's implementation, its timeline, its chain and whether the visitor follows it. */
export async function viewProjectImplementation(
	actor: Actor,
	{ spaceSlug, moduleId, projectId }: { spaceSlug: string; moduleId: string; projectId: string }
) {
	const { db, ctx, instance } = await readable(actor, moduleId, spaceSlug);
	const p = await findProject(db, moduleId, projectId);
	if (!p || p.funded !== true) throw new NotFoundError('project');
	const [pot] = await db.select().from(budgetsZones).where(eq(budgetsZones.id, p.zoneId));
	return {
		space: ctx.space,
		module: { id: instance.id, title: instance.title },
		project: {
			id: p.id,
			code: p.code,
			title: p.title,
			zone: pot?.name ?? null,
			address: p.address,
			lat: p.latitude,
			lng: p.longitude,
			votes: p.votes,
			url: projectUrl(spaceSlug, moduleId, p.id)
		},
		implementation: (await projectImplementation(db, p))!,
		chain: await projectChain(db, p.id),
		resourceType: PROJECT_RESOURCE,
		following: await isFollowing(actor, { resourceType: PROJECT_RESOURCE, resourceId: p.id }),
		signedIn: isUser(actor),
		canTrack: canBudgets(actor, 'track', ctx).allowed
	};
}

/** Staff: funded projects of the edition to track. */
export async function manageImplementation(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx, instance } = await tracking(actor, spaceId, moduleId);
	const rows = await fundedProjectsOf(db, moduleId);
	return {
		space: ctx.space,
		module: { id: instance.id, title: instance.title },
		projects: rows.map(({ project: p, zoneCode, departmentName }) => ({
			id: p.id,
			code: p.code,
			title: p.title,
			zoneCode,
			department: departmentName,
			...implementation(p)
		}))
	};
}

/** Staff: one funded project's tracking forms and its timeline. */
export async function manageProjectImplementation(
	actor: Actor,
	{ spaceId, moduleId, projectId }: { spaceId: string; moduleId: string; projectId: string }
) {
	const { db, ctx, instance } = await tracking(actor, spaceId, moduleId);
	const p = await findProject(db, moduleId, projectId);
	if (!p) throw new NotFoundError('project');
	return {
		space: ctx.space,
		module: { id: instance.id, title: instance.title },
		project: {
			id: p.id,
			code: p.code,
			title: p.title,
			funded: p.funded === true,
			departmentId: p.departmentId,
			...implementation(p)
		},
		statuses: implementationStatuses,
		maxPhotos: MAX_PROGRESS_PHOTOS,
		// A fresh key per form shown: submitting the same form twice adds one entry.
		submissionKey: randomUUID(),
		departments: await departmentChoices(db),
		timeline: await timeline(db, p.id)
	};
}
