/** What the public and admin pages of a survey show, each read authorised like a command. */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { can } from '../../platform/modules/runtime.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { isChoiceType, OTHER, type Question } from '#lib/modules/surveys/logic.ts';
import { loadSurvey } from './access.ts';
import { fieldsFromAnswers } from './answers.ts';
import { surveys } from './manifest.ts';
import { answersOpen } from './permissions.ts';
import { questionFormValues } from './question-form.ts';
import { allResponses, findResponse, listQuestions, responseCount, surveyDescription } from './queries.ts';
import { responsesCsv, summarize } from './results.ts';

/** The questionnaire, whether the viewer may answer now (and why not), and their own response to edit. */
export async function viewSurvey(actor: Actor, { spaceSlug, moduleId }: { spaceSlug: string; moduleId: string }) {
	const { db, ctx, instance } = await loadSurvey(moduleId, { spaceSlug });
	authorize(can(actor, 'read', ctx, surveys));
	const questions = await listQuestions(db, moduleId);
	const mine = isUser(actor) ? await findResponse(db, moduleId, actor.id) : undefined;
	const answer = can(actor, 'answer', ctx, surveys);
	return {
		module: { id: instance.id, title: instance.title, published: instance.published },
		space: ctx.space,
		description: await surveyDescription(db, moduleId),
		questions,
		open: answersOpen(ctx),
		closesOn: ctx.settings.closesOn || null,
		canAnswer: answer.allowed,
		whyNot: answer.allowed ? null : answer.reason,
		canSeeResults: can(actor, 'results', ctx, surveys).allowed,
		response: mine ? { updatedAt: mine.updatedAt } : null,
		values: mine ? fieldsFromAnswers(questions, mine.answers) : {}
	};
}

/** Aggregated results: counts and percentages per question. Free-text answers only for staff, on request. */
export async function viewResults(
	actor: Actor,
	{
		moduleId,
		spaceSlug,
		spaceId,
		withTexts = false
	}: { moduleId: string; spaceSlug?: string; spaceId?: string; withTexts?: boolean }
) {
	const { db, ctx, instance } = await loadSurvey(moduleId, { spaceSlug, spaceId });
	authorize(can(actor, withTexts ? 'manage' : 'results', ctx, surveys));
	const questions = await listQuestions(db, moduleId);
	const responses = await allResponses(db, moduleId);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		respondents: responses.length,
		results: summarize(
			questions,
			responses.map((r) => r.answers),
			{ withTexts }
		)
	};
}

/** The aggregated results as CSV (one row per option, row or value bucket): what the public may download. */
export async function resultsCsv(actor: Actor, { spaceSlug, moduleId }: { spaceSlug: string; moduleId: string }) {
	const { results } = await viewResults(actor, { spaceSlug, moduleId });
	const rows = results.flatMap((r) =>
		r.matrix
			? r.matrix.rows.flatMap((row) =>
					r.matrix!.columns.map((col, i) => ({
						question: r.number,
						title: r.title.ro,
						answer: `${row.label.ro}: ${col.label.ro}`,
						count: row.counts[i],
						percent: r.answered ? Math.round((row.counts[i] / r.answered) * 1000) / 10 : 0,
						answered: r.answered
					}))
				)
			: r.bars.map((b) => ({
					question: r.number,
					title: r.title.ro,
					answer: b.label.ro,
					count: b.count,
					percent: b.percent,
					answered: r.answered
				}))
	);
	return toCsv(rows, ['question', 'title', 'answer', 'count', 'percent', 'answered']);
}

/** Every response as CSV for staff: anonymous numbers, no account, name or date. */
export async function exportResponses(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx } = await loadSurvey(moduleId, { spaceId });
	authorize(can(actor, 'manage', ctx, surveys));
	return responsesCsv(await listQuestions(db, moduleId), await allResponses(db, moduleId));
}

/** The conditions a question may use: each option of an earlier choice question. */
function conditionChoices(earlier: Question[]) {
	return earlier.flatMap((q, i) =>
		isChoiceType(q.type)
			? [...(q.config.options ?? []), ...(q.config.allowOther ? [{ id: OTHER, label: { ro: '' } }] : [])].map((o) => ({
					value: `${q.id}:${o.id}`,
					number: i + 1,
					question: q.title,
					option: o.id === OTHER ? null : o.label
				}))
			: []
	);
}

/** The admin view of a survey: introduction, questions in order, how many responses (structure locked once any). */
export async function manageSurvey(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx, instance } = await loadSurvey(moduleId, { spaceId });
	authorize(can(actor, 'manage', ctx, surveys));
	const questions = await listQuestions(db, moduleId);
	const responses = await responseCount(db, moduleId);
	return {
		module: instance,
		space: ctx.space,
		description: await surveyDescription(db, moduleId),
		questions,
		responses,
		locked: responses > 0,
		open: answersOpen(ctx),
		conditionChoices: conditionChoices(questions)
	};
}

/** One question as form values, with the conditions it may use (earlier questions only). */
export async function manageQuestion(
	actor: Actor,
	{ spaceId, moduleId, questionId }: { spaceId: string; moduleId: string; questionId: string }
) {
	const survey = await manageSurvey(actor, { spaceId, moduleId });
	const index = survey.questions.findIndex((q) => q.id === questionId);
	if (index < 0) throw new NotFoundError('question');
	return {
		...survey,
		question: survey.questions[index],
		number: index + 1,
		values: questionFormValues(survey.questions[index]),
		conditionChoices: conditionChoices(survey.questions.slice(0, index))
	};
}
