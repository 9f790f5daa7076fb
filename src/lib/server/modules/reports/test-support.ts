/**
 * Medium-test helpers of the reports module: the city's reports module (a published permanent process with the
 * module mounted), two departments with a staff member each, a category tree (roads → pothole with questions,
 * lighting → streetlight, sanitation → garbage), and reports inserted directly in any state.
 */
import { randomBytes } from 'node:crypto';
import { day, person, processInput } from '../../../../../tests/support/spaces.ts';
import type { Actor, UserActor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { departmentMembers, departments, neighbourhoods } from '../../platform/db/schema.ts';
import { clearSharedData } from '../../platform/http/shared-data.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { reports } from './manifest.ts';
import { reportDeadlines } from './rules.ts';
import { reportsCategories, reportsReports, type ReportQuestion, type ReportState } from './schema.ts';
import type { ReportsGlobalSettings, ReportsPhaseSettings } from './settings.ts';

export interface ReportsSetupOptions {
	publish?: boolean;
	settings?: Partial<ReportsGlobalSettings>;
	phase?: Partial<ReportsPhaseSettings>;
}

export const potholeQuestions: ReportQuestion[] = [
	{
		code: 'dangerous',
		datatype: 'singlevaluelist',
		required: true,
		label: { ro: 'Este periculos pentru trecători sau mașini?', en: 'Is it dangerous for people or cars?' },
		values: [
			{ key: 'yes', name: { ro: 'Da', en: 'Yes' } },
			{ key: 'no', name: { ro: 'Nu', en: 'No' } }
		]
	},
	{
		code: 'depth_cm',
		datatype: 'number',
		required: false,
		label: { ro: 'Cât de adâncă este (cm)?', en: 'How deep is it (cm)?' }
	}
];

export type ReportsSetup = Awaited<ReturnType<typeof reportsSetup>>;

/** The city's reports module, published, with departments, their staff and a category tree. */
export async function reportsSetup(admin: Actor, options: ReportsSetupOptions = {}) {
	const db = await getDb();
	const created = await createProcess(admin, processInput('Sesizări'));
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const spaceId = created.value.id;
	// One long phase: the city takes reports all year round.
	const now = new Date();
	const phase = await addPhase(admin, spaceId, {
		title: { ro: 'Permanent' },
		description: { ro: '' },
		startsOn: day(now, -365),
		endsOn: day(now, 3650)
	});
	if (!phase.ok) throw new Error(JSON.stringify(phase.errors));
	const mounted = await mountModule(admin, { spaceId, manifest: reports }, { title: { ro: 'Sesizări' } });
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const configured = await configureModule(
		admin,
		{ spaceId, moduleId, manifest: reports },
		{
			title: { ro: 'Sesizări' },
			published: options.publish !== false,
			settings: options.settings ?? {},
			phaseSettings: { [phase.value.id]: { reportingOpen: true, ...options.phase } },
			requiredVerifications: {}
		}
	);
	if (!configured.ok) throw new Error(JSON.stringify(configured.errors));
	if (options.publish !== false) await publishProcessAndModules(admin, spaceId);

	const suffix = moduleId.slice(0, 6);
	const [roads, lighting] = await db
		.insert(departments)
		.values([
			{ slug: `drumuri-${suffix}`, name: { ro: 'Direcția Drumuri' }, email: 'drumuri@example.ro' },
			{ slug: `iluminat-${suffix}`, name: { ro: 'Serviciul Iluminat Public' } }
		])
		.returning();
	const roadsStaff = await staffOf(roads.id);
	const lightingStaff = await staffOf(lighting.id);
	const roadsHead = await staffOf(roads.id, true);

	const [roadsGroup, lightingGroup] = await db
		.insert(reportsCategories)
		.values([
			{ moduleId, code: 'roads', name: { ro: 'Drumuri și trotuare', en: 'Roads and pavements' }, position: 1 },
			{ moduleId, code: 'lighting', name: { ro: 'Iluminat public', en: 'Street lighting' }, position: 2 }
		])
		.returning();
	const [pothole, streetlight, garbage] = await db
		.insert(reportsCategories)
		.values([
			{
				moduleId,
				parentId: roadsGroup.id,
				code: 'pothole',
				name: { ro: 'Groapă în carosabil', en: 'Pothole' },
				description: { ro: 'Gropi în asfalt, pe stradă sau în parcare.' },
				departmentId: roads.id,
				questions: potholeQuestions,
				keywords: 'groapa,asfalt'
			},
			{
				moduleId,
				parentId: lightingGroup.id,
				code: 'streetlight',
				name: { ro: 'Stâlp de iluminat nefuncțional', en: 'Street light out' },
				departmentId: lighting.id
			},
			{
				moduleId,
				code: 'garbage',
				name: { ro: 'Gunoi abandonat', en: 'Dumped rubbish' },
				departmentId: roads.id,
				position: 3
			}
		])
		.returning();
	const [hood] = await db
		.insert(neighbourhoods)
		.values({
			slug: `cartier-${suffix}`,
			name: { ro: 'Cartierul de test' },
			// A square around the city centre (Piața Victoriei ≈ 45.7537 N, 21.2257 E).
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[21.2, 45.74],
						[21.25, 45.74],
						[21.25, 45.77],
						[21.2, 45.77],
						[21.2, 45.74]
					]
				]
			}
		})
		.returning();
	clearSharedData();
	return {
		spaceId,
		phaseId: phase.value.id,
		slug: created.value.slug,
		moduleId,
		departments: { roads, lighting },
		staff: { roads: roadsStaff, lighting: lightingStaff, roadsHead },
		categories: { roadsGroup, lightingGroup, pothole, streetlight, garbage },
		neighbourhood: hood
	};
}

/** A staff member (role in force) of one department; `head` marks the department's head. */
export async function staffOf(departmentId: string, head = false): Promise<UserActor> {
	const actor = await person(['staff']);
	await (await getDb()).insert(departmentMembers).values({ departmentId, userId: actor.id, head });
	return { ...actor, departmentIds: [departmentId] };
}

export interface ReportSeed {
	categoryId?: string;
	state?: ReportState;
	authorId?: string | null;
	lat?: number | null;
	lng?: number | null;
	address?: string | null;
	neighbourhoodId?: string | null;
	createdAt?: Date;
	title?: string;
	description?: string;
	answers?: Record<string, string | string[]>;
	showName?: boolean;
}

/** Inserts a report directly (no command, no notification), routed to its category's department. */
export async function insertReport(setup: ReportsSetup, seed: ReportSeed = {}) {
	const db = await getDb();
	const category = Object.values(setup.categories).find((c) => c.id === seed.categoryId) ?? setup.categories.pothole;
	const createdAt = seed.createdAt ?? new Date();
	const lat = seed.lat === undefined ? 45.7537 : seed.lat;
	const lng = seed.lng === undefined ? 21.2257 : seed.lng;
	const [row] = await db
		.insert(reportsReports)
		.values({
			moduleId: setup.moduleId,
			categoryId: category.id,
			departmentId: category.departmentId!,
			state: seed.state ?? 'new',
			title: seed.title ?? `${category.name.ro} — strada de test`,
			description: seed.description ?? 'O groapă adâncă în fața blocului.',
			lat,
			lng,
			location: lat !== null && lng !== null ? { x: lng, y: lat } : null,
			address: seed.address === undefined ? 'Piața Victoriei 1' : seed.address,
			neighbourhoodId: seed.neighbourhoodId === undefined ? setup.neighbourhood.id : seed.neighbourhoodId,
			answers: seed.answers ?? (category.code === 'pothole' ? { dangerous: 'yes' } : {}),
			authorId: seed.authorId ?? null,
			anonymousNotice: !seed.authorId,
			showName: seed.showName ?? false,
			token: randomBytes(12).toString('base64url'),
			dueOn: seed.authorId ? reportDeadlines(createdAt).answer.due : null,
			createdAt,
			updatedAt: createdAt
		})
		.returning();
	return row;
}
