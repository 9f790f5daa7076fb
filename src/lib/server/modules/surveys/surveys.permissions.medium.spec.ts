/**
 * Permissions of the surveys module: every action × actor × phase setting, and every service the routes import,
 * called by a forbidden actor, is refused before it writes anything.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { day, person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, searchDocuments } from '../../platform/db/schema.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import {
	addQuestion,
	answerSurvey,
	deleteQuestion,
	exportResponses,
	manageQuestion,
	manageSurvey,
	moveQuestion,
	resultsCsv,
	surveys,
	updateQuestion,
	updateSurvey,
	viewResults,
	viewSurvey
} from './index.ts';
import { surveysQuestions, surveysResponses, surveysSurveys } from './schema.ts';
import { buildSurvey, question, surveyModule, type SurveySetup } from '../../../../../tests/support/surveys.ts';

const database = useTestDatabase();
const db = () => database().db;

async function actors(spaceId: string): Promise<Record<string, Actor>> {
	return {
		anonymous: anonymous(),
		// Signed in, e-mail address not confirmed: the default verification for answering is missing.
		citizen: { ...(await person()), emailVerified: false },
		verifiedCitizen: await person([], { verifications: ['email'] }),
		resident: await person([], { verifications: ['email', 'residence'] }),
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
		moderator: await person(['moderator'], { verifications: ['email'] }),
		evaluator: await person(['evaluator'], { verifications: ['email'] }),
		platformAdmin: await person(['admin'], { verifications: ['email'] }),
		adminWithout2fa: { ...(await person()), pendingRoles: ['admin' as const] }
	};
}

const staff = ['spaceAdmin', 'platformAdmin'];
const everyone = [
	'anonymous',
	'citizen',
	'verifiedCitizen',
	'resident',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'platformAdmin',
	'adminWithout2fa'
];
// An admin without two-factor has no admin rights yet, but is a citizen with a confirmed address.
const signedInVerified = everyone.filter((a) => a !== 'anonymous' && a !== 'citizen');

type Case = { setup: SurveySetup; residence?: boolean; expected: Record<string, string[]> };
const cases: Record<string, Case> = {
	'answers open, results private': {
		setup: {},
		expected: { read: everyone, answer: signedInVerified, results: staff, manage: staff }
	},
	'results public': {
		setup: { publicResults: true },
		expected: { read: everyone, answer: signedInVerified, results: everyone, manage: staff }
	},
	'answers closed in this phase': {
		setup: { answers: 'closed', publicResults: true },
		expected: { read: everyone, answer: [], results: everyone, manage: staff }
	},
	'closing date passed': {
		setup: { closesOn: day(new Date(), -1) },
		expected: { read: everyone, answer: [], results: staff, manage: staff }
	},
	'closing date today': {
		setup: { closesOn: day(new Date(), 0) },
		expected: { read: everyone, answer: signedInVerified, results: staff, manage: staff }
	},
	'residence required to answer': {
		setup: {},
		residence: true,
		expected: { read: everyone, answer: ['resident'], results: staff, manage: staff }
	},
	// Staff preview an unpublished module or a draft process; nobody answers it before it is public.
	'module unpublished': {
		setup: { published: false, publicResults: true },
		expected: { read: staff, answer: [], results: staff, manage: staff }
	},
	'space draft': {
		setup: { spacePublished: false, publicResults: true },
		expected: { read: staff, answer: [], results: staff, manage: staff }
	}
};

describe('surveys permissions matrix', () => {
	it.each(Object.keys(cases))('%s', async (name) => {
		const admin = await person(['admin']);
		const { spaceId, moduleId, phaseIds } = await surveyModule(admin, cases[name].setup);
		if (cases[name].residence)
			await configureModule(
				admin,
				{ spaceId, moduleId, manifest: surveys },
				{
					title: { ro: 'Chestionar' },
					published: true,
					settings: {},
					phaseSettings: { [phaseIds[1]]: { answers: 'open' } },
					requiredVerifications: { answer: 'residence' }
				}
			);
		const people = await actors(spaceId);
		const { ctx } = await loadModule(db(), surveys, moduleId);
		const allowed: Record<string, string[]> = {};
		for (const action of surveys.actions)
			allowed[action] = Object.entries(people)
				.filter(([, actor]) => can(actor, action, ctx, surveys).allowed)
				.map(([who]) => who);
		expect(allowed).toEqual(cases[name].expected);
	});
});

describe('surveys services refuse forbidden actors before writing', () => {
	it('staff services refuse citizens, moderators, admins without two-factor and anonymous visitors', async () => {
		const admin = await person(['admin']);
		const { spaceId, moduleId } = await surveyModule(admin, { publicResults: true });
		const { ids } = await buildSurvey(admin, moduleId, [question(), question({ type: 'short_text' })]);
		const snapshot = async () => ({
			questions: await db().select().from(surveysQuestions),
			surveys: await db().select().from(surveysSurveys),
			responses: await db().select().from(surveysResponses),
			audit: (await db().select().from(auditLog)).length,
			search: (await db().select().from(searchDocuments)).length
		});
		const before = await snapshot();
		const forbidden: Actor[] = [
			anonymous(),
			await person([], { verifications: ['email'] }),
			await person(['moderator'], { verifications: ['email'] }),
			await person(['evaluator'], { verifications: ['email'] }),
			{ ...(await person()), pendingRoles: ['admin' as const] }
		];
		for (const actor of forbidden) {
			const calls: (() => Promise<unknown>)[] = [
				() => manageSurvey(actor, { spaceId, moduleId }),
				() => manageQuestion(actor, { spaceId, moduleId, questionId: ids[0] }),
				() => addQuestion(actor, { moduleId }, question()),
				() => updateQuestion(actor, { moduleId, questionId: ids[0] }, question({ title: { ro: 'Schimbat' } })),
				() => deleteQuestion(actor, { moduleId, questionId: ids[1] }),
				() => moveQuestion(actor, { moduleId, questionId: ids[1], direction: 'up' }),
				() => updateSurvey(actor, { moduleId }, { description: { ro: 'Schimbat' } }),
				() => exportResponses(actor, { spaceId, moduleId }),
				() => viewResults(actor, { spaceId, moduleId, withTexts: true })
			];
			for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('answering refuses anonymous visitors, unverified accounts and closed surveys; private results stay private', async () => {
		const admin = await person(['admin']);
		const open = await surveyModule(admin);
		const { ids, options } = await buildSurvey(admin, open.moduleId, [question()]);
		const fields = { [`q_${ids[0]}`]: [options[0]] };
		const unverified = { ...(await person()), emailVerified: false };
		await expect(answerSurvey(anonymous(), { moduleId: open.moduleId }, fields)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(answerSurvey(unverified, { moduleId: open.moduleId }, fields)).rejects.toBeInstanceOf(ForbiddenError);
		for (const actor of [anonymous(), await person([], { verifications: ['email'] })]) {
			await expect(viewResults(actor, { spaceSlug: open.slug, moduleId: open.moduleId })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(resultsCsv(actor, { spaceSlug: open.slug, moduleId: open.moduleId })).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		const draft = await surveyModule(admin, { published: false });
		const draftQuestions = await buildSurvey(admin, draft.moduleId, [question()]);
		const draftFields = { [`q_${draftQuestions.ids[0]}`]: [draftQuestions.options[0]] };
		const citizen = await person([], { verifications: ['email'] });
		await expect(viewSurvey(citizen, { spaceSlug: draft.slug, moduleId: draft.moduleId })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(answerSurvey(citizen, { moduleId: draft.moduleId }, draftFields)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		// Even a platform admin cannot answer a survey nobody else can see yet.
		await expect(answerSurvey(admin, { moduleId: draft.moduleId }, draftFields)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db().select().from(surveysResponses)).toHaveLength(0);
	});
});
