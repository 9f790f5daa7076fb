import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { day, person } from '../../../../../tests/support/spaces.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import { auditLog, follows, notifications, searchDocuments } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { buildSurvey, question, surveyModule, type SurveySetup } from '../../../../../tests/support/surveys.ts';
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
import { seedMobilitySurvey } from './seeds.ts';
import { surveysQuestions, surveysResponses } from './schema.ts';

const database = useTestDatabase();
const db = () => database().db;

const audit = async () => (await db().select().from(auditLog)).map((r) => r.action);

describe('building a questionnaire', () => {
	it('adds questions of every type in order, edits, moves and deletes them, each change audited', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await surveyModule(admin, { answers: 'closed' });
		const { ids } = await buildSurvey(admin, moduleId, [
			question(),
			question({
				type: 'multiple_choice',
				options: { ro: 'A\nB\nC' },
				minSelections: '1',
				maxSelections: '2',
				allowOther: true
			}),
			question({ type: 'ranking', options: { ro: 'X\nY' } }),
			question({ type: 'matrix', rows: { ro: 'Tramvai\nAutobuz' }, columns: { ro: 'Bine\nRău' } }),
			question({ type: 'number', min: '0', max: '240', integer: true }),
			question({ type: 'date', minDate: '2020-01-01' }),
			question({ type: 'short_text' }),
			question({ type: 'long_text', required: false })
		]);
		const view = await manageSurvey(admin, { spaceId, moduleId });
		expect(view.questions.map((q) => q.type)).toEqual([
			'single_choice',
			'multiple_choice',
			'ranking',
			'matrix',
			'number',
			'date',
			'short_text',
			'long_text'
		]);
		expect(view.questions[1].config).toMatchObject({ minSelections: 1, maxSelections: 2, allowOther: true });
		expect(view.questions[4].config).toMatchObject({ min: 0, max: 240, integer: true });
		expect(view.locked).toBe(false);

		expect(await moveQuestion(admin, { moduleId, questionId: ids[7], direction: 'up' })).toEqual({
			ok: true,
			value: null
		});
		expect((await manageSurvey(admin, { spaceId, moduleId })).questions.map((q) => q.id).slice(-2)).toEqual([
			ids[7],
			ids[6]
		]);
		expect(
			await updateQuestion(
				admin,
				{ moduleId, questionId: ids[6] },
				question({ type: 'long_text', title: { ro: 'Altceva?' } })
			)
		).toEqual({ ok: true, value: null });
		expect(await deleteQuestion(admin, { moduleId, questionId: ids[2] })).toEqual({ ok: true, value: null });
		const after = await manageSurvey(admin, { spaceId, moduleId });
		expect(after.questions).toHaveLength(7);
		expect(after.questions.at(-1)).toMatchObject({ type: 'long_text', title: { ro: 'Altceva?' } });
		const positions = (await db().select().from(surveysQuestions)).map((q) => q.position).sort();
		expect(positions).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(await audit()).toEqual(
			expect.arrayContaining([
				'survey.question.add',
				'survey.question.move',
				'survey.question.update',
				'survey.question.delete'
			])
		);
	});

	it('refuses invalid questions with field errors and writes nothing', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await surveyModule(admin);
		expect(await addQuestion(admin, { moduleId }, question({ title: { ro: '' }, options: { ro: 'Una' } }))).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required' }
		});
		expect(await addQuestion(admin, { moduleId }, question({ options: { ro: 'Una' } }))).toEqual({
			ok: false,
			errors: { options_ro: 'surveys_error_options_min' }
		});
		expect(await db().select().from(surveysQuestions)).toHaveLength(0);
	});

	it('keeps conditions pointing backwards: no moving above the source, no deleting a source', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await surveyModule(admin);
		const { ids, options } = await buildSurvey(admin, moduleId, [question()]);
		const dependent = await addQuestion(
			admin,
			{ moduleId },
			question({ type: 'long_text', condition: `${ids[0]}:${options[1]}` })
		);
		if (!dependent.ok) throw new Error(JSON.stringify(dependent.errors));
		expect(await moveQuestion(admin, { moduleId, questionId: dependent.value.id, direction: 'up' })).toEqual({
			ok: false,
			errors: { _form: 'surveys_error_condition_order' }
		});
		expect(await deleteQuestion(admin, { moduleId, questionId: ids[0] })).toEqual({
			ok: false,
			errors: { _form: 'surveys_error_condition_depends' }
		});
		expect(
			await updateQuestion(
				admin,
				{ moduleId, questionId: ids[0] },
				question({ options: { ro: 'Doar pe jos\nAltfel' } })
			)
		).toEqual({
			ok: true,
			value: null
		});
		expect(await updateQuestion(admin, { moduleId, questionId: ids[0] }, question({ type: 'short_text' }))).toEqual({
			ok: false,
			errors: { type: 'surveys_error_condition_depends' }
		});
		const edit = await manageQuestion(admin, { spaceId, moduleId, questionId: dependent.value.id });
		expect(edit.conditionChoices.map((c) => c.value)).toEqual(options.map((o) => `${ids[0]}:${o}`));
		expect(edit.values.condition).toBe(`${ids[0]}:${options[1]}`);
	});

	it('locks the structure after the first response: only texts may change', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await surveyModule(admin);
		const { ids, options } = await buildSurvey(admin, moduleId, [
			question(),
			question({ type: 'short_text', required: false })
		]);
		expect((await answerSurvey(await person(), { moduleId }, { [`q_${ids[0]}`]: [options[0]] })).ok).toBe(true);
		expect((await manageSurvey(admin, { spaceId, moduleId })).locked).toBe(true);
		const locked = { ok: false, errors: { _form: 'surveys_error_structure_locked' } };
		expect(await addQuestion(admin, { moduleId }, question())).toEqual(locked);
		expect(await deleteQuestion(admin, { moduleId, questionId: ids[1] })).toEqual(locked);
		expect(await moveQuestion(admin, { moduleId, questionId: ids[1], direction: 'up' })).toEqual(locked);
		expect(
			await updateQuestion(admin, { moduleId, questionId: ids[0] }, question({ options: { ro: 'A\nB\nC' } }))
		).toEqual({
			ok: false,
			errors: { options_ro: 'surveys_error_structure_locked' }
		});
		expect(await updateQuestion(admin, { moduleId, questionId: ids[0] }, question({ required: false }))).toEqual({
			ok: false,
			errors: { required: 'surveys_error_structure_locked' }
		});
		expect(
			await updateQuestion(
				admin,
				{ moduleId, questionId: ids[0] },
				question({
					title: { ro: 'Cum mergeți prin oraș?' },
					options: { ro: 'Pe jos (corectat)\nCu mașina', en: 'Walking\nBy car' }
				})
			)
		).toEqual({ ok: true, value: null });
		const [q] = await db().select().from(surveysQuestions).where(eq(surveysQuestions.id, ids[0]));
		expect(q.config.options?.map((o) => o.id)).toEqual(options);
		expect(q.config.options?.[0].label).toEqual({ ro: 'Pe jos (corectat)', en: 'Walking' });
	});

	it('keeps a translatable introduction, indexed for search', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await surveyModule(admin);
		expect(
			await updateSurvey(
				admin,
				{ moduleId },
				{ description: { ro: 'Spuneți-ne cum circulați prin Timișoara.', en: 'Tell us.' } }
			)
		).toEqual({ ok: true, value: null });
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'survey'));
		expect(docs.map((d) => [d.locale, d.title, d.url, d.visibility]).sort()).toEqual([
			['en', 'Mobility survey', `/processes/${slug}/surveys/${moduleId}`, 'public'],
			['ro', 'Chestionar despre mobilitate', `/processes/${slug}/surveys/${moduleId}`, 'public']
		]);
		expect((await viewSurvey(anonymous(), { spaceSlug: slug, moduleId })).description.ro).toContain('Timișoara');
	});
});

describe('answering a survey', () => {
	async function ready(setup: SurveySetup = {}) {
		const admin = await person(['admin']);
		const survey = await surveyModule(admin, setup);
		const { ids, options } = await buildSurvey(admin, survey.moduleId, [
			question(),
			question({ type: 'number', min: '0', max: '240', integer: true, condition: '' }),
			question({ type: 'short_text', required: false })
		]);
		// Question 4 appears only for drivers.
		const drivers = await addQuestion(
			admin,
			{ moduleId: survey.moduleId },
			question({ type: 'long_text', required: true, condition: `${ids[0]}:${options[1]}` })
		);
		if (!drivers.ok) throw new Error('condition');
		return { admin, ...survey, ids: [...ids, drivers.value.id], options };
	}

	it('validates question by question, saves nothing when invalid, and ignores hidden questions', async () => {
		const { moduleId, ids, options } = await ready();
		const citizen = await person();
		const invalid = await answerSurvey(
			citizen,
			{ moduleId },
			{ [`q_${ids[0]}`]: [options[1]], [`q_${ids[1]}`]: ['4,5'] }
		);
		expect(invalid).toEqual({
			ok: false,
			errors: { [`q_${ids[1]}`]: 'surveys_error_integer', [`q_${ids[3]}`]: 'validation_required' }
		});
		expect(await db().select().from(surveysResponses)).toHaveLength(0);
		const walker = await answerSurvey(
			citizen,
			{ moduleId },
			{ [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: ['25'], [`q_${ids[3]}`]: ['ignored: not a driver'] }
		);
		expect(walker).toMatchObject({ ok: true, value: { created: true } });
		const [row] = await db().select().from(surveysResponses);
		expect(row.respondentId).toBe(citizen.id);
		expect(row.answers).toEqual({ [ids[0]]: { option: options[0] }, [ids[1]]: { number: 25 } });
	});

	it('keeps one response per person: a second submission changes it', async () => {
		const { moduleId, ids, options, slug } = await ready();
		const citizen = await person();
		const first = await answerSurvey(citizen, { moduleId }, { [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: ['10'] });
		const second = await answerSurvey(
			citizen,
			{ moduleId },
			{ [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: ['40'] }
		);
		expect(second).toEqual({ ok: true, value: { id: first.ok ? first.value.id : '', created: false } });
		const rows = await db().select().from(surveysResponses);
		expect(rows).toHaveLength(1);
		expect(rows[0].answers[ids[1]]).toEqual({ number: 40 });
		const view = await viewSurvey(citizen, { spaceSlug: slug, moduleId });
		expect(view.response).not.toBeNull();
		expect(view.values).toEqual({ [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: ['40'] });
	});

	it('never creates two responses for concurrent submissions of one person', async () => {
		const { moduleId, ids, options } = await ready();
		const citizen = await person();
		const results = await Promise.all(
			['10', '20', '30'].map((n) =>
				answerSurvey(citizen, { moduleId }, { [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: [n] })
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(1);
		expect(await db().select().from(surveysResponses)).toHaveLength(1);
	});

	it('refuses answers when the phase closes them or the closing date has passed', async () => {
		const closed = await ready({ answers: 'closed' });
		const fields = { [`q_${closed.ids[0]}`]: [closed.options[0]] };
		await expect(answerSurvey(await person(), { moduleId: closed.moduleId }, fields)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const past = await ready({ closesOn: day(new Date(), -2) });
		await expect(
			answerSurvey(await person(), { moduleId: past.moduleId }, { [`q_${past.ids[0]}`]: [past.options[0]] })
		).rejects.toBeInstanceOf(ForbiddenError);
		const view = await viewSurvey(anonymous(), { spaceSlug: past.slug, moduleId: past.moduleId });
		expect(view).toMatchObject({ open: false, canAnswer: false, whyNot: 'surveys_answers_closed' });
		expect(await db().select().from(surveysResponses)).toHaveLength(0);
	});

	it('tells an anonymous visitor to sign in', async () => {
		const { moduleId, slug } = await ready();
		expect(await viewSurvey(anonymous(), { spaceSlug: slug, moduleId })).toMatchObject({
			open: true,
			canAnswer: false,
			whyNot: 'sign_in_required'
		});
	});
});

describe('results, exports and personal data', () => {
	async function answered(setup: SurveySetup = {}) {
		const admin = await person(['admin']);
		const survey = await surveyModule(admin, setup);
		const { ids, options } = await buildSurvey(admin, survey.moduleId, [
			question({ allowOther: true }),
			question({ type: 'short_text', required: false })
		]);
		const people = [await person(), await person(), await person()];
		await answerSurvey(
			people[0],
			{ moduleId: survey.moduleId },
			{ [`q_${ids[0]}`]: [options[0]], [`q_${ids[1]}`]: ['Piața Maria'] }
		);
		await answerSurvey(
			people[1],
			{ moduleId: survey.moduleId },
			{ [`q_${ids[0]}`]: ['other'], [`q_${ids[0]}_other`]: ['Cu trotineta lui Ion'] }
		);
		await answerSurvey(people[2], { moduleId: survey.moduleId }, { [`q_${ids[0]}`]: [options[1]] });
		return { admin, ...survey, ids, options, people };
	}

	it('shows counts and percentages; free text only to staff', async () => {
		const { admin, moduleId, slug, spaceId } = await answered({ publicResults: true });
		const open = await viewResults(anonymous(), { spaceSlug: slug, moduleId });
		expect(open.respondents).toBe(3);
		expect(open.results[0].bars.map((b) => [b.label.ro, b.count, b.percent])).toEqual([
			['Pe jos', 1, 33.3],
			['Cu mașina', 1, 33.3],
			['Altceva', 1, 33.3]
		]);
		expect(open.results.every((r) => r.texts === undefined)).toBe(true);
		const staff = await viewResults(admin, { spaceId, moduleId, withTexts: true });
		expect(staff.results[0].texts).toEqual(['Cu trotineta lui Ion']);
		expect(staff.results[1].texts).toEqual(['Piața Maria']);
		await expect(viewResults(anonymous(), { spaceId, moduleId, withTexts: true })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const csv = await resultsCsv(anonymous(), { spaceSlug: slug, moduleId });
		expect(csv.split('\r\n')[0]).toBe('question,title,answer,count,percent,answered');
		expect(csv).not.toContain('Ion');
	});

	it('keeps results private unless the setting publishes them', async () => {
		const { moduleId, slug } = await answered();
		await expect(viewResults(anonymous(), { spaceSlug: slug, moduleId })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(viewResults(await person(), { spaceSlug: slug, moduleId })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('exports every response for staff without anything identifying', async () => {
		const { admin, moduleId, spaceId, people } = await answered();
		const csv = await exportResponses(admin, { spaceId, moduleId });
		const lines = csv.trimEnd().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
		for (const p of people) {
			expect(csv).not.toContain(p.id);
			expect(csv).not.toContain(p.email);
		}
		const rows = await db().select().from(surveysResponses);
		for (const r of rows) expect(csv).not.toContain(r.id);
	});

	it('exports a person’s answers and, on anonymisation, detaches them and erases their free text', async () => {
		const { moduleId, people, ids, slug } = await answered({ publicResults: true });
		const mine = await surveys.personalData.exportFor(db(), people[1].id);
		expect(mine.survey_responses).toHaveLength(1);
		expect(mine.survey_responses[0]).toMatchObject({
			survey: 'Chestionar despre mobilitate',
			answers: { 'Cum vă deplasați?': { option: 'other', other: 'Cu trotineta lui Ion' } }
		});
		const before = await viewResults(anonymous(), { spaceSlug: slug, moduleId });
		await surveys.personalData.anonymize(db(), people[1].id);
		await surveys.personalData.anonymize(db(), people[0].id);
		expect((await surveys.personalData.exportFor(db(), people[1].id)).survey_responses).toEqual([]);
		const rows = await db().select().from(surveysResponses);
		expect(rows.filter((r) => r.respondentId === null)).toHaveLength(2);
		expect(JSON.stringify(rows)).not.toContain('Ion');
		expect(JSON.stringify(rows)).not.toContain('Piața Maria');
		expect(
			rows.find(
				(r) => r.respondentId === null && JSON.stringify(r.answers[ids[0]]) === JSON.stringify({ option: 'other' })
			)
		).toBeTruthy();
		const after = await viewResults(anonymous(), { spaceSlug: slug, moduleId });
		expect(after.results[0].bars).toEqual(before.results[0].bars);
	});

	it('publishes aggregated open data only for public results, and counts responses', async () => {
		const hidden = await answered();
		expect(await surveys.exports[0].rows(db(), [hidden.moduleId])).toEqual([]);
		const shown = await answered({ publicResults: true });
		const rows = await surveys.exports[0].rows(db(), [shown.moduleId]);
		expect(rows.filter((r) => r.question_number === 1).map((r) => [r.answer, r.count])).toEqual([
			['Pe jos', 1],
			['Cu mașina', 1],
			['Altceva', 1]
		]);
		expect(JSON.stringify(rows)).not.toContain('Ion');
		expect(await surveys.stats[0].count(db(), [hidden.moduleId, shown.moduleId])).toBe(6);
	});
});

describe('the module around the survey', () => {
	it('tells the process’s followers when a phase opens the survey', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, phaseIds } = await surveyModule(admin);
		const follower = await person();
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		await surveys.hooks!.phaseChanged!(db(), moduleId, { from: phaseIds[0], to: phaseIds[1] });
		const sent = await db().select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(sent.map((n) => n.key)).toEqual(['surveys_notification_opened']);
		await surveys.hooks!.phaseChanged!(db(), moduleId, { from: phaseIds[1], to: phaseIds[2] });
		expect(await db().select().from(notifications).where(eq(notifications.userId, follower.id))).toHaveLength(1);
	});

	it('seeds a realistic mobility survey with about forty responses, and refuses unmounting with responses', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await surveyModule(admin, { publicResults: true });
		const citizens = [await person(), await person(), await person()];
		await seedMobilitySurvey(db(), { spaceId, moduleId, userIds: citizens.map((c) => c.id) });
		const responses = await db().select().from(surveysResponses).where(eq(surveysResponses.moduleId, moduleId));
		expect(responses).toHaveLength(40);
		expect(new Set(responses.map((r) => r.respondentId).filter(Boolean))).toEqual(
			new Set([citizens[0].id, citizens[1].id])
		);
		const results = await viewResults(anonymous(), { spaceSlug: slug, moduleId });
		expect(results.results.map((r) => r.type)).toEqual([
			'single_choice',
			'multiple_choice',
			'matrix',
			'ranking',
			'number',
			'date',
			'short_text',
			'long_text'
		]);
		// Only drivers answer the conditional second question.
		const drivers = results.results[0].bars.find((b) => b.key === 'mod4')!.count;
		expect(results.results[1].answered).toBe(drivers);
		expect(await surveys.hooks!.beforeDestroy!(db(), moduleId)).toBe('surveys_error_unmount_has_responses');
		expect((await viewSurvey(citizens[2], { spaceSlug: slug, moduleId })).canAnswer).toBe(true);
	});
});
