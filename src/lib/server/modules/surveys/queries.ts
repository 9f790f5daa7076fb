/** Reads of surveys: the questionnaire in order, responses, and what the public URL and visibility need. */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { Translated } from '../../platform/db/columns.ts';
import type { Answers, Question } from '#lib/modules/surveys/logic.ts';
import { surveysQuestions, surveysResponses, surveysSurveys } from './schema.ts';

type Reader = Db | Tx;
export type QuestionRow = typeof surveysQuestions.$inferSelect;

export const toQuestion = (r: QuestionRow): Question => ({
	id: r.id,
	type: r.type,
	title: r.title,
	description: r.description,
	required: r.required,
	config: r.config,
	condition: r.condition ?? null
});

export async function listQuestions(db: Reader, moduleId: string): Promise<Question[]> {
	const rows = await db
		.select()
		.from(surveysQuestions)
		.where(eq(surveysQuestions.moduleId, moduleId))
		.orderBy(asc(surveysQuestions.position), asc(surveysQuestions.createdAt));
	return rows.map(toQuestion);
}

export async function surveyDescription(db: Reader, moduleId: string): Promise<Translated> {
	const [row] = await db
		.select({ description: surveysSurveys.description })
		.from(surveysSurveys)
		.where(eq(surveysSurveys.moduleId, moduleId));
	return row?.description ?? { ro: '' };
}

/**
 * Makes sure the survey row exists and locks it: `share` for an answer (answers run side by side), `update` for a
 * change of structure, which therefore waits for answers in flight and sees every committed response.
 */
export async function lockSurvey(tx: Tx, moduleId: string, mode: 'share' | 'update'): Promise<void> {
	await tx
		.insert(surveysSurveys)
		.values({ moduleId, description: { ro: '' } })
		.onConflictDoNothing();
	const q = tx
		.select({ id: surveysSurveys.moduleId })
		.from(surveysSurveys)
		.where(eq(surveysSurveys.moduleId, moduleId));
	await (mode === 'share' ? q.for('share') : q.for('update'));
}

export async function responseCount(db: Reader, moduleId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(surveysResponses).where(eq(surveysResponses.moduleId, moduleId));
	return row?.n ?? 0;
}

export async function findResponse(db: Reader, moduleId: string, respondentId: string) {
	const [row] = await db
		.select()
		.from(surveysResponses)
		.where(and(eq(surveysResponses.moduleId, moduleId), eq(surveysResponses.respondentId, respondentId)));
	return row;
}

export async function allResponses(db: Reader, moduleId: string): Promise<{ id: string; answers: Answers }[]> {
	return db
		.select({ id: surveysResponses.id, answers: surveysResponses.answers })
		.from(surveysResponses)
		.where(eq(surveysResponses.moduleId, moduleId));
}

/** Surveys of several modules with their space, for search and open data. */
export async function surveysWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			moduleId: moduleInstances.id,
			title: moduleInstances.title,
			settings: moduleInstances.settings,
			description: sql<Translated>`coalesce(${surveysSurveys.description}, '{"ro":""}'::jsonb)`,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.leftJoin(surveysSurveys, eq(surveysSurveys.moduleId, moduleInstances.id))
		.where(and(inArray(moduleInstances.id, moduleIds), eq(moduleInstances.kind, 'surveys')));
}

export const surveyUrl = (spaceSlug: string, moduleId: string) => `/processes/${spaceSlug}/surveys/${moduleId}`;
