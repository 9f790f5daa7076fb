/** What the public pages of an edition show (edition, project list and map, project, idea form), read authorised. */
import { asc, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { phases } from '../../platform/db/schema.ts';
import { neighbourhoodChoices } from '../../platform/geo/place.ts';
import { resourceChain } from '../../platform/links/chain.ts';
import { parseSettings } from '../../platform/modules/runtime.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { documentsOf } from '../../platform/spaces/queries.ts';
import { renderCitizenMarkdown } from '../../platform/text/markdown.ts';
import { appealableDecision } from './commands/lodge-appeal.ts';
import { budgetsModule, canBudgets } from './context.ts';
import type { ProjectQuery } from './forms.ts';
import { projectImplementation } from './implementation-views.ts';
import { budgetsPermissions } from './permissions.ts';
import {
	appealsOf,
	appealsOpenAt,
	authorName,
	categoriesOf,
	decisionsOf,
	filesOf,
	listProjects,
	potsOf,
	PROJECT_RESOURCE,
	projectOrThrow,
	projectState
} from './queries.ts';
import { appealDeadline, authorKindsFor, costOf, submitDecision } from './rules.ts';
import { budgetsPhaseSettings } from './settings.ts';

export async function publicEdition(actor: Actor, spaceSlug: string, moduleId: string) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'read', ctx));
	return { db, ctx, instance };
}

/** The edition: stage, phases with their dates and stages, pots with budgets, the rules, what one can do now. */
export async function viewEdition(actor: Actor, { spaceSlug, moduleId }: { spaceSlug: string; moduleId: string }) {
	const { db, ctx, instance } = await publicEdition(actor, spaceSlug, moduleId);
	const [pots, phaseRows, documents] = await Promise.all([
		potsOf(db, moduleId),
		db.select().from(phases).where(eq(phases.spaceId, ctx.space.id)).orderBy(asc(phases.position)),
		documentsOf(db, ctx.space.id)
	]);
	const stored = instance.phaseSettings as Record<string, unknown>;
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		stage: ctx.phaseSettings.stage,
		rulesUrl: ctx.settings.rulesUrl || null,
		documents: documents.map((d) => ({ id: d.id, title: d.title, fileId: d.fileId })),
		phases: phaseRows.map((p) => ({
			id: p.id,
			title: p.title,
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			stage: parseSettings(budgetsPhaseSettings, stored[p.id]).stage,
			current: p.id === ctx.currentPhaseId
		})),
		pots: pots.map((p) => ({
			id: p.id,
			code: p.code,
			name: p.name,
			budget: p.budget,
			maxProjectCost: p.maxProjectCost ?? p.budget,
			cityWide: p.zoneId === null
		})),
		can: {
			submit: submitDecision(actor, ctx),
			appeal: canBudgets(actor, 'appeal', ctx).allowed,
			vote: budgetsPermissions(actor, 'vote', ctx).allowed
		}
	};
}

/** The list (and map) of projects with filters by pot, category and state. */
export async function viewProjects(
	actor: Actor,
	{ spaceSlug, moduleId, query }: { spaceSlug: string; moduleId: string; query: ProjectQuery }
) {
	const { db, ctx, instance } = await publicEdition(actor, spaceSlug, moduleId);
	const [pots, categories, rows] = await Promise.all([
		potsOf(db, moduleId),
		categoriesOf(db, moduleId),
		listProjects(db, moduleId, { q: query.q, pot: query.pot, category: query.category, state: query.state })
	]);
	const potOf = new Map(pots.map((p) => [p.id, p]));
	const catOf = new Map(categories.map((c) => [c.id, c.name]));
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		query,
		pots: pots.map((p) => ({ id: p.id, code: p.code, name: p.name })),
		categories,
		projects: rows.map((r) => ({
			id: r.id,
			code: r.code,
			title: r.title,
			pot: potOf.get(r.zoneId)?.name ?? null,
			category: (r.categoryId && catOf.get(r.categoryId)) || null,
			cost: costOf(r),
			state: projectState(r)
		})),
		pins:
			query.view === 'map'
				? // Every project: those without a place are in the map's list only.
					rows.map((r) => ({ id: r.id, title: `${r.code} ${r.title}`, latitude: r.latitude, longitude: r.longitude }))
				: []
	};
}

/** One project: text, photos, place, costs, the public decision log, the appeal form when open, links. */
export async function viewProject(
	actor: Actor,
	{ spaceSlug, moduleId, projectId }: { spaceSlug: string; moduleId: string; projectId: string },
	now: Date = new Date()
) {
	const { db, ctx, instance } = await publicEdition(actor, spaceSlug, moduleId);
	const p = await projectOrThrow(db, moduleId, projectId);
	const ref = { resourceType: PROJECT_RESOURCE, resourceId: projectId };
	const [pots, categories, neighbourhoods, fileRows, decisions, appeals, author, following, chain, implementation] =
		await Promise.all([
			potsOf(db, moduleId),
			categoriesOf(db, moduleId),
			neighbourhoodChoices(db),
			filesOf(db, projectId),
			decisionsOf(db, projectId),
			appealsOf(db, projectId),
			authorName(db, p.authorId),
			isFollowing(actor, ref),
			resourceChain(db, ref),
			projectImplementation(db, p)
		]);
	const isAuthor = isUser(actor) && p.authorId === actor.id;
	const appealable = isAuthor && canBudgets(actor, 'appeal', ctx).allowed ? await appealableDecision(db, p) : null;
	const deadline = appealable
		? appealDeadline(
				appealable.createdAt,
				ctx.settings.appealDays,
				await appealsOpenAt(db, moduleId, appealable.createdAt)
			)
		: null;
	const alreadyAppealed = appealable ? appeals.some((a) => a.decisionId === appealable.id) : false;
	const editable = isAuthor && !p.withdrawnAt && budgetsPermissions(actor, 'submit', ctx).allowed;
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		project: {
			id: p.id,
			code: p.code,
			title: p.title,
			html: renderCitizenMarkdown(p.body),
			authorName: author,
			authorKind: p.authorKind,
			isAuthor,
			pot: pots.find((x) => x.id === p.zoneId)?.name ?? null,
			category: categories.find((c) => c.id === p.categoryId)?.name ?? null,
			place: {
				address: p.address,
				neighbourhood: neighbourhoods.find((n) => n.id === p.neighbourhoodId)?.name ?? null,
				lat: p.latitude,
				lng: p.longitude
			},
			photos: fileRows.filter((f) => f.kind === 'photo'),
			estimatedCost: p.estimatedCost,
			cityCost: p.cityCost,
			state: projectState(p),
			withdrawnAt: p.withdrawnAt,
			createdAt: p.createdAt
		},
		decisions: decisions.map((d) => ({
			id: d.id,
			kind: d.kind,
			outcome: d.outcome,
			// An appeal's own text stays between the author and staff; the log shows that one was lodged.
			reason: d.kind === 'appeal' ? null : d.reason,
			cost: d.cost,
			at: d.createdAt
		})),
		myAppeals: isAuthor ? appeals.map((a) => ({ id: a.id, status: a.status, text: a.text, at: a.createdAt })) : [],
		appeal:
			appealable && deadline && now <= deadline && !alreadyAppealed
				? { deadline, decisionKind: appealable.kind }
				: null,
		editable,
		canManage: canBudgets(actor, 'manage', ctx).allowed,
		canDecide: canBudgets(actor, 'decide_eligibility', ctx).allowed && !p.withdrawnAt,
		following,
		chain,
		implementation
	};
}

/** The idea form (new or edit): pots with their caps, categories, neighbourhoods, the kinds the author may choose. */
export async function viewIdeaForm(
	actor: Actor,
	{ spaceSlug, moduleId, projectId }: { spaceSlug: string; moduleId: string; projectId?: string }
) {
	const { db, ctx, instance } = await publicEdition(actor, spaceSlug, moduleId);
	let project = null;
	if (projectId) {
		const p = await projectOrThrow(db, moduleId, projectId);
		authorize(budgetsPermissions(actor, 'submit', ctx));
		if (!isUser(actor) || p.authorId !== actor.id || p.withdrawnAt) throw new NotFoundError('project');
		project = { ...p, files: await filesOf(db, projectId) };
	} else authorize(submitDecision(actor, ctx));
	const [pots, categories, neighbourhoods] = await Promise.all([
		potsOf(db, moduleId),
		categoriesOf(db, moduleId),
		neighbourhoodChoices(db)
	]);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		maxPhotos: ctx.settings.maxPhotos,
		pots: pots.map((p) => ({ id: p.id, code: p.code, name: p.name, maxProjectCost: p.maxProjectCost ?? p.budget })),
		categories,
		neighbourhoods,
		authorKinds: project
			? [...new Set([project.authorKind, ...authorKindsFor(actor, ctx)])]
			: authorKindsFor(actor, ctx),
		project
	};
}
