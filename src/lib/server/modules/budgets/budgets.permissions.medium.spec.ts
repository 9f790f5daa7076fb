/**
 * Permissions of the ideas part of the budgets module: (1) the actions read, submit, appeal, comment,
 * decide_eligibility, evaluate, decide_appeal and manage × actor × stage, decided on a real edition; (2) every ideas
 * service the routes import refuses a forbidden actor with ForbiddenError and writes nothing. (Vote, desk,
 * compute_results and track are covered by the voting, desks, results and implementation specs.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, notifications, resourceLinks } from '../../platform/db/schema.ts';
import { getDb } from '../../platform/db/index.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { unpublishProcess } from '../../platform/spaces/commands/unpublish-process.ts';
import { budgetsModule, canBudgets } from './context.ts';
import * as ideas from './ideas-api.ts';
import type { BudgetsAction } from './permissions.ts';
import { submitDecision } from './rules.ts';
import {
	budgetsAppeals,
	budgetsCategories,
	budgetsDecisions,
	budgetsProjectFiles,
	budgetsProjects,
	budgetsZones
} from './schema.ts';
import { budgetEdition, voter, type EditionSetup } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'unverified'
	| 'citizen'
	| 'phoneCitizen'
	| 'organisation'
	| 'spaceAdmin'
	| 'moderator'
	| 'commission'
	| 'staff'
	| 'admin'
	| 'adminWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'unverified',
	'citizen',
	'phoneCitizen',
	'organisation',
	'spaceAdmin',
	'moderator',
	'commission',
	'staff',
	'admin',
	'adminWithout2fa'
];
const actions: BudgetsAction[] = [
	'read',
	'submit',
	'appeal',
	'comment',
	'decide_eligibility',
	'evaluate',
	'decide_appeal',
	'manage'
];

const actorsFor = async (spaceId: string): Promise<Record<Who, Actor>> => {
	const unverified = await person();
	return {
		anonymous: anonymous(),
		unverified: { ...unverified, emailVerified: false, verifications: [] },
		citizen: await person([], { verifications: ['email'] }),
		phoneCitizen: await voter(),
		organisation: await person([], { verifications: ['email', 'organisation'] }),
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
		moderator: await person(['moderator'], { verifications: ['email'] }),
		commission: await person([], { spaceRoles: { [spaceId]: ['evaluator'] }, verifications: ['email'] }),
		staff: await person(['staff'], { verifications: ['email'] }),
		admin: await person(['admin'], { verifications: ['email'] }),
		adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] }
	};
};

const staff: Who[] = ['spaceAdmin', 'staff', 'admin'];
const signedIn = everyone.filter((w) => w !== 'anonymous');
const emailVerified = signedIn.filter((w) => w !== 'unverified');
/** What is allowed in every stage of a published edition. */
const always = {
	read: everyone,
	comment: emailVerified,
	evaluate: staff,
	decide_appeal: staff,
	manage: staff
};
const none: Who[] = [];
const closed = { submit: none, appeal: none };

const scenarios: {
	name: string;
	setup: EditionSetup;
	draft?: boolean;
	expected: Record<BudgetsAction, Who[]>;
}[] = [
	{
		name: 'ideas stage: verified citizens (phone) and organisations submit',
		setup: { stage: 'ideas' },
		expected: {
			...always,
			...closed,
			submit: ['phoneCitizen', 'organisation'],
			decide_eligibility: staff
		} as Record<BudgetsAction, Who[]>
	},
	{
		name: 'ideas stage, organisations and companies not admitted',
		setup: { stage: 'ideas', settings: { organisationsMaySubmit: false, companiesMaySubmit: false } },
		expected: { ...always, ...closed, submit: ['phoneCitizen'], decide_eligibility: staff } as Record<
			BudgetsAction,
			Who[]
		>
	},
	{
		name: 'eligibility stage: the commission decides',
		setup: { stage: 'eligibility' },
		expected: { ...always, ...closed, decide_eligibility: [...staff, 'commission'] } as Record<BudgetsAction, Who[]>
	},
	{
		name: 'appeals stage: signed-in people may appeal (their own ideas, checked by the command)',
		setup: { stage: 'appeals' },
		expected: { ...always, ...closed, appeal: signedIn, decide_eligibility: [...staff, 'commission'] } as Record<
			BudgetsAction,
			Who[]
		>
	},
	{
		name: 'voting stage: ideas, appeals and the commission are closed',
		setup: { stage: 'voting' },
		expected: { ...always, ...closed, decide_eligibility: staff } as Record<BudgetsAction, Who[]>
	},
	{
		name: 'comments blocked',
		setup: { stage: 'ideas', phase: { comments: 'blocked' } },
		expected: {
			...always,
			...closed,
			submit: ['phoneCitizen', 'organisation'],
			comment: none,
			decide_eligibility: staff
		} as Record<BudgetsAction, Who[]>
	},
	{
		name: 'edition unpublished',
		setup: { stage: 'ideas', publish: false },
		expected: {
			...always,
			...closed,
			read: staff,
			comment: none,
			decide_eligibility: staff
		} as Record<BudgetsAction, Who[]>
	},
	{
		name: 'space back to draft',
		setup: { stage: 'appeals' },
		draft: true,
		expected: {
			...always,
			...closed,
			read: staff,
			comment: none,
			decide_eligibility: [...staff, 'commission']
		} as Record<BudgetsAction, Who[]>
	}
];

describe('the permission matrix: action × actor × stage', () => {
	it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		void database;
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await budgetEdition(admin, { projectsPerZone: 0, ...scenario.setup });
		if (scenario.draft) await unpublishProcess(admin, spaceId);
		const { ctx } = await budgetsModule(await getDb(), moduleId);
		const actors = await actorsFor(spaceId);
		const table: Record<string, string[]> = {};
		const expected: Record<string, string[]> = {};
		for (const action of actions) {
			// Submitting is decided with the author kinds (organisations need no phone): what the command uses.
			const decide = (who: Who) =>
				action === 'submit' ? submitDecision(actors[who], ctx) : canBudgets(actors[who], action, ctx);
			table[action] = everyone.filter((who) => decide(who).allowed);
			expected[action] = everyone.filter((who) => scenario.expected[action].includes(who));
		}
		expect(table).toEqual(expected);
	});
});

describe('every ideas service the routes call refuses a forbidden actor and writes nothing', () => {
	let ids: { moduleId: string; spaceId: string; slug: string; projectId: string; potId: string; categoryId: string };
	const tables = [
		budgetsProjects,
		budgetsProjectFiles,
		budgetsDecisions,
		budgetsAppeals,
		budgetsZones,
		budgetsCategories,
		resourceLinks,
		auditLog,
		notifications
	];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const e = await budgetEdition(admin, { stage: 'ideas', projectsPerZone: 0 });
		const author = await voter();
		const r = await ideas.submitIdea(author, { moduleId: e.moduleId }, idea(e.pots[0].id));
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const cat = await ideas.saveCategory(admin, { moduleId: e.moduleId }, { name: { ro: 'Mobilitate' } });
		if (!cat.ok) throw new Error('category');
		await e.configure({ stage: 'eligibility' });
		ids = {
			moduleId: e.moduleId,
			spaceId: e.spaceId,
			slug: e.slug,
			projectId: r.value.id,
			potId: e.pots[0].id,
			categoryId: cat.value.id
		};
	});

	const idea = (zoneId: string) => ({
		title: 'Bănci noi în parcul din cartier',
		body: 'Bănci noi și umbrare pentru vârstnici, lângă locul de joacă.',
		zoneId,
		estimatedCost: '100000'
	});
	const ref = () => ({ moduleId: ids.moduleId, projectId: ids.projectId });
	const admin = () => ({ spaceId: ids.spaceId, moduleId: ids.moduleId });
	const pot = {
		code: 'NOU',
		name: { ro: 'Nouă' },
		zoneId: '',
		budget: '1000',
		maxProjectCost: '',
		minEligibleProjects: '0',
		population: '',
		position: '0'
	};
	const promotionForm = () => {
		const f = new FormData();
		f.set('promoteTo', ids.moduleId);
		f.set('estimatedCost', '100000');
		return f;
	};
	const source = () => ({ resourceType: 'proposal', resourceId: 'p-1', title: 'Propunere promovată', body: 'Text.' });
	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		submitIdea: (a) => ideas.submitIdea(a, { moduleId: ids.moduleId }, idea(ids.potId)),
		updateIdea: (a) => ideas.updateIdea(a, ref(), idea(ids.potId)),
		withdrawIdea: (a) => ideas.withdrawIdea(a, ref()),
		promoteToIdea: (a) => ideas.promoteToIdea(a, { moduleId: ids.moduleId, source: source(), estimatedCost: 1000 }),
		promoteFromForm: (a) => ideas.promoteFromForm(a, source(), promotionForm()),
		decideEligibility: (a) => ideas.decideEligibility(a, ref(), { outcome: 'ineligible', reason: 'Nu.' }),
		assignDepartment: (a) => ideas.assignDepartment(a, ref(), { departmentId: '' }),
		evaluateProject: (a) => ideas.evaluateProject(a, ref(), { outcome: 'unfeasible', reason: 'Nu.', cityCost: '' }),
		lodgeAppeal: (a) => ideas.lodgeAppeal(a, ref(), { text: 'Vă rog să reanalizați decizia comisiei.' }),
		decideAppeal: (a) =>
			ideas.decideAppeal(a, { moduleId: ids.moduleId, appealId: 'none' }, { outcome: 'upheld', reason: 'Da.' }),
		savePot: (a) => ideas.savePot(a, { moduleId: ids.moduleId }, pot),
		deletePot: (a) => ideas.deletePot(a, { moduleId: ids.moduleId, potId: ids.potId }),
		saveCategory: (a) => ideas.saveCategory(a, { moduleId: ids.moduleId }, { name: { ro: 'Nouă' } }),
		deleteCategory: (a) => ideas.deleteCategory(a, { moduleId: ids.moduleId, categoryId: ids.categoryId }),
		viewIdeaForm: (a) => ideas.viewIdeaForm(a, { spaceSlug: ids.slug, moduleId: ids.moduleId }),
		manageEdition: (a) => ideas.manageEdition(a, admin()),
		managePot: (a) => ideas.managePot(a, { ...admin(), potId: 'new' }),
		manageIdeas: (a) => ideas.manageIdeas(a, admin()),
		manageEvaluations: (a) => ideas.manageEvaluations(a, admin()),
		manageAppeals: (a) => ideas.manageAppeals(a, admin()),
		manageProject: (a) => ideas.manageProject(a, { ...admin(), projectId: ids.projectId })
	};
	/** Read by everyone while the edition is public. */
	const publicReads = new Set(['viewEdition', 'viewProjects', 'viewProject', 'promotionTargets']);
	const helpers = new Set(['readIdeaForm', 'readPotForm', 'readCategoryForm', 'readProjectQuery', 'PROJECT_RESOURCE']);

	it.each(Object.keys(calls))('%s', async (name) => {
		const actors = await actorsFor(ids.spaceId);
		const forbidden: Actor[] = [
			actors.anonymous,
			actors.unverified,
			actors.citizen,
			actors.moderator,
			actors.adminWithout2fa
		];
		const before = await counts();
		for (const actor of forbidden)
			await expect(calls[name](actor), `${name} as ${actor.kind}`).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('public reads are refused once the edition is unpublished', async () => {
		const a = await person(['admin']);
		const e = await budgetEdition(a, { publish: false, projectsPerZone: 1 });
		const before = await counts();
		const q = ideas.readProjectQuery(new URLSearchParams());
		await expect(ideas.viewEdition(anonymous(), { spaceSlug: e.slug, moduleId: e.moduleId })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			ideas.viewProjects(await voter(), { spaceSlug: e.slug, moduleId: e.moduleId, query: q })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			ideas.viewProject(anonymous(), { spaceSlug: e.slug, moduleId: e.moduleId, projectId: e.projects[0].id })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('covers every ideas service the module’s routes import', () => {
		const root = process.cwd();
		const dirs = [
			'src/routes/processes/[slug]/budgets',
			'src/routes/admin/processes/[id]/budgets',
			'src/routes/admin/processes/[id]/proposals'
		];
		const files = (dir: string): string[] =>
			readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory()
					? files(join(dir, e.name))
					: /\.server\.ts$|\+server\.ts$/.test(e.name)
						? [join(root, dir, e.name)]
						: []
			);
		const mine = new Set(Object.keys(ideas));
		const names = dirs
			.flatMap(files)
			.flatMap((f) => [
				...readFileSync(f, 'utf8').matchAll(
					/import\s+\{([^}]*)\}\s+from\s+'#lib\/server\/modules\/budgets\/index\.ts'/g
				)
			])
			.flatMap((m) => m[1].split(',').map((s) => s.trim()))
			.filter((n) => n && mine.has(n));
		expect(names.length).toBeGreaterThan(15);
		const missing = names.filter((n) => !(n in calls) && !publicReads.has(n) && !helpers.has(n));
		expect(missing).toEqual([]);
	});
});
