/**
 * Permissions of the proposals module: (1) every action × actor × phase setting, decided on a real module context;
 * (2) every service the module's routes import refuses a forbidden actor with ForbiddenError and writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, notifications } from '../../platform/db/schema.ts';
import { getDb } from '../../platform/db/index.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { unpublishProcess } from '../../platform/spaces/commands/unpublish-process.ts';
import { canProposals, proposalsModule as loadProposalsModule } from './context.ts';
import * as api from './index.ts';
import { readListQuery } from './forms.ts';
import type { ProposalsAction } from './permissions.ts';
import {
	proposalsCategories,
	proposalsEvaluators,
	proposalsEvents,
	proposalsNotes,
	proposalsProposals,
	proposalsStates,
	proposalsSupports
} from './schema.ts';
import { citizen, proposalInput, proposalsModule, type ProposalsSetup } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'unverified'
	| 'citizen'
	| 'spaceAdmin'
	| 'moderator'
	| 'evaluator'
	| 'spaceEvaluator'
	| 'admin'
	| 'adminWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'unverified',
	'citizen',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'spaceEvaluator',
	'admin',
	'adminWithout2fa'
];
const actions: ProposalsAction[] = ['read', 'create', 'support', 'comment', 'answer', 'evaluate', 'manage'];

const actorsFor = async (spaceId: string): Promise<Record<Who, Actor>> => {
	const unverified = await person();
	return {
		anonymous: anonymous(),
		unverified: { ...unverified, emailVerified: false, verifications: [] },
		citizen: await citizen(),
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
		moderator: await person(['moderator'], { verifications: ['email'] }),
		evaluator: await person(['evaluator'], { verifications: ['email'] }),
		spaceEvaluator: await person([], { spaceRoles: { [spaceId]: ['evaluator'] }, verifications: ['email'] }),
		admin: await person(['admin'], { verifications: ['email'] }),
		adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] }
	};
};

/** Who is allowed each action, per scenario; everyone else is refused. */
const staff: Who[] = ['spaceAdmin', 'admin'];
const signedIn: Who[] = [
	'citizen',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'spaceEvaluator',
	'admin',
	'adminWithout2fa'
];
const evaluators: Who[] = ['spaceAdmin', 'evaluator', 'spaceEvaluator', 'admin'];
const base: Record<ProposalsAction, Who[]> = {
	read: everyone,
	create: signedIn,
	support: signedIn,
	comment: signedIn,
	answer: staff,
	evaluate: evaluators,
	manage: staff
};

const scenarios: { name: string; setup: ProposalsSetup; draft?: boolean; expected: Record<ProposalsAction, Who[]> }[] =
	[
		{ name: 'defaults (e-mail verification for create, support, comment)', setup: {}, expected: base },
		{ name: 'supports blocked', setup: { phase: { supports: 'blocked' } }, expected: { ...base, support: [] } },
		{ name: 'supports hidden', setup: { phase: { supports: 'hidden' } }, expected: { ...base, support: [] } },
		{ name: 'creation closed', setup: { phase: { creationEnabled: false } }, expected: { ...base, create: [] } },
		{ name: 'comments blocked', setup: { phase: { comments: 'blocked' } }, expected: { ...base, comment: [] } },
		{
			name: 'residence required to support',
			setup: { requiredVerifications: { support: 'residence' } },
			expected: { ...base, support: [] }
		},
		{
			name: 'no verification required',
			setup: { requiredVerifications: { create: '', support: '', comment: '' } },
			expected: {
				...base,
				create: [...signedIn, 'unverified'],
				support: [...signedIn, 'unverified'],
				comment: [...signedIn, 'unverified']
			}
		},
		{
			name: 'module unpublished',
			setup: { publish: false },
			expected: {
				read: staff,
				create: [],
				support: [],
				comment: [],
				answer: staff,
				evaluate: evaluators,
				manage: staff
			}
		},
		{
			name: 'space back to draft',
			setup: {},
			draft: true,
			expected: {
				read: staff,
				create: [],
				support: [],
				comment: [],
				answer: staff,
				evaluate: evaluators,
				manage: staff
			}
		}
	];

describe('the permission matrix: action × actor × phase setting', () => {
	it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		void database;
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await proposalsModule(admin, scenario.setup);
		if (scenario.draft) await unpublishProcess(admin, spaceId);
		const { ctx } = await loadProposalsModule(await getDb(), moduleId);
		const actors = await actorsFor(spaceId);
		const table: Record<string, string[]> = {};
		const expected: Record<string, string[]> = {};
		for (const action of actions) {
			table[action] = everyone.filter((who) => canProposals(actors[who], action, ctx).allowed);
			expected[action] = everyone.filter((who) => scenario.expected[action].includes(who));
		}
		expect(table).toEqual(expected);
	});

	it('refuses a support beyond the per-person limit, and a support of a withdrawn proposal', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin, { phase: { supportLimit: 1 } });
		const [a, b] = [
			(await api.createProposal(await citizen(), { moduleId }, proposalInput('Prima propunere pentru limită'))) as {
				ok: true;
				value: { id: string };
			},
			(await api.createProposal(await citizen(), { moduleId }, proposalInput('A doua propunere pentru limită'))) as {
				ok: true;
				value: { id: string };
			}
		];
		const bea = await citizen();
		expect((await api.supportProposal(bea, { moduleId, proposalId: a.value.id })).ok).toBe(true);
		expect(await api.supportProposal(bea, { moduleId, proposalId: b.value.id })).toEqual({
			ok: false,
			errors: { _form: 'proposals_error_support_limit' }
		});
		const author = await citizen();
		const c = (await api.createProposal(author, { moduleId }, proposalInput('A treia propunere pentru limită'))) as {
			ok: true;
			value: { id: string };
		};
		await api.withdrawProposal(author, { moduleId, proposalId: c.value.id });
		await expect(api.supportProposal(await citizen(), { moduleId, proposalId: c.value.id })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});

describe('every service the routes call refuses a forbidden actor and writes nothing', () => {
	let ids: { moduleId: string; spaceId: string; slug: string; proposalId: string; categoryId: string; stateId: string };
	let author: Actor;
	const tables = [
		proposalsProposals,
		proposalsSupports,
		proposalsEvents,
		proposalsNotes,
		proposalsEvaluators,
		proposalsCategories,
		proposalsStates,
		auditLog,
		notifications
	];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const mod = await proposalsModule(admin, { phase: { supports: 'blocked', creationEnabled: false } });
		author = await citizen();
		await mod.configure({});
		const p = (await api.createProposal(author, { moduleId: mod.moduleId }, proposalInput())) as {
			ok: true;
			value: { id: string };
		};
		await mod.configure({
			phase: { supports: 'blocked', creationEnabled: false, comments: 'blocked' },
			settings: { editWindowMinutes: 0 }
		});
		const cat = (await api.saveCategory(admin, { moduleId: mod.moduleId }, { name: { ro: 'Mobilitate' } })) as {
			ok: true;
			value: { id: string };
		};
		const st = (await api.createState(
			admin,
			{ moduleId: mod.moduleId },
			{ name: { ro: 'Studiu' }, colour: '#1d70b8' }
		)) as { ok: true; value: { id: string } };
		ids = {
			moduleId: mod.moduleId,
			spaceId: mod.spaceId,
			slug: mod.slug,
			proposalId: p.value.id,
			categoryId: cat.value.id,
			stateId: st.value.id
		};
	});

	const q = () => readListQuery(new URLSearchParams());
	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		createProposal: (a) => api.createProposal(a, { moduleId: ids.moduleId }, proposalInput()),
		updateProposal: (a) =>
			api.updateProposal(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }, proposalInput()),
		withdrawProposal: (a) => api.withdrawProposal(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }),
		supportProposal: (a) => api.supportProposal(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }),
		unsupportProposal: (a) => api.unsupportProposal(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }),
		answerProposal: (a) =>
			api.answerProposal(
				a,
				{ moduleId: ids.moduleId, proposalId: ids.proposalId },
				{ state: 'accepted', answer: { ro: 'Da.' } }
			),
		assignEvaluator: (a) =>
			api.assignEvaluator(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }, { userId: 'x' }),
		unassignEvaluator: (a) =>
			api.unassignEvaluator(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }, { userId: 'x' }),
		addEvaluationNote: (a) =>
			api.addEvaluationNote(a, { moduleId: ids.moduleId, proposalId: ids.proposalId }, { body: 'Notă' }),
		saveCategory: (a) => api.saveCategory(a, { moduleId: ids.moduleId }, { name: { ro: 'Nouă' } }),
		deleteCategory: (a) => api.deleteCategory(a, { moduleId: ids.moduleId, categoryId: ids.categoryId }),
		createState: (a) => api.createState(a, { moduleId: ids.moduleId }, { name: { ro: 'Nouă' }, colour: '#000000' }),
		deleteState: (a) => api.deleteState(a, { moduleId: ids.moduleId, stateId: ids.stateId }),
		viewProposalForm: (a) => api.viewProposalForm(a, { spaceSlug: ids.slug, moduleId: ids.moduleId }),
		manageProposals: (a) => api.manageProposals(a, { spaceId: ids.spaceId, moduleId: ids.moduleId, query: q() }),
		manageProposal: (a) =>
			api.manageProposal(a, { spaceId: ids.spaceId, moduleId: ids.moduleId, proposalId: ids.proposalId }),
		manageProposalSettings: (a) => api.manageProposalSettings(a, { spaceId: ids.spaceId, moduleId: ids.moduleId })
	};
	/** Services read by everyone while the module is public: refused only once it is not. */
	const publicReads = new Set(['viewProposals', 'viewProposal', 'proposalsForApi']);
	/** Pure helpers the routes import (no authorisation to test). */
	const helpers = new Set(['readProposalForm', 'readAnswerForm', 'readCategoryForm', 'readStateForm', 'readListQuery']);

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

	it('evaluators not assigned to the proposal may neither open it for evaluation nor write notes', async () => {
		const actors = await actorsFor(ids.spaceId);
		await expect(
			api.manageProposal(actors.evaluator, { spaceId: ids.spaceId, moduleId: ids.moduleId, proposalId: ids.proposalId })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			api.addEvaluationNote(
				actors.spaceEvaluator,
				{ moduleId: ids.moduleId, proposalId: ids.proposalId },
				{ body: 'x' }
			)
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('public reads are refused once the module is unpublished', async () => {
		const admin = await person(['admin']);
		const mod = await proposalsModule(admin, { publish: false });
		const before = await counts();
		await expect(
			api.viewProposals(anonymous(), { spaceSlug: mod.slug, moduleId: mod.moduleId, query: q() })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			api.viewProposal(await citizen(), { spaceSlug: mod.slug, moduleId: mod.moduleId, proposalId: ids.proposalId })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('covers every service the module’s routes import', () => {
		const root = process.cwd();
		const dirs = [
			'src/routes/processes/[slug]/proposals',
			'src/routes/admin/processes/[id]/proposals',
			'src/routes/api/v1/processes/[slug]/proposals'
		];
		const files = (dir: string): string[] =>
			readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory()
					? files(join(dir, e.name))
					: /\.server\.ts$|\+server\.ts$/.test(e.name)
						? [join(root, dir, e.name)]
						: []
			);
		const names = dirs
			.flatMap(files)
			.flatMap((f) => [
				...readFileSync(f, 'utf8').matchAll(
					/import\s+\{([^}]*)\}\s+from\s+'#lib\/server\/modules\/proposals\/index\.ts'/g
				)
			])
			.flatMap((m) => m[1].split(',').map((s) => s.trim()))
			.filter(Boolean);
		expect(names.length).toBeGreaterThan(10);
		const missing = names.filter((n) => !(n in calls) && !publicReads.has(n) && !helpers.has(n));
		expect(missing).toEqual([]);
	});
});
