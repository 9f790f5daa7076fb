/** Tables of the `surveys` module: the questionnaire of a mounted survey, its ordered questions, and the responses. */
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { user } from '../../platform/db/schema/auth.ts';
import type { Answers, QuestionCondition, QuestionConfig, QuestionType } from '#lib/modules/surveys/logic.ts';

/** The survey itself: one per mounted module (its title is the module's title). */
export const surveysSurveys = pgTable('surveys_surveys', {
	moduleId: text()
		.primaryKey()
		.references(() => moduleInstances.id, { onDelete: 'cascade' }),
	/** Shown above the questions; per locale. */
	description: jsonb().$type<Translated>().notNull(),
	updatedAt: updatedAt()
});

export const surveysQuestions = pgTable(
	'surveys_questions',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		position: integer().notNull().default(0),
		type: text().$type<QuestionType>().notNull(),
		title: jsonb().$type<Translated>().notNull(),
		description: jsonb().$type<Translated>().notNull(),
		required: boolean().notNull().default(false),
		/** Options, rows, columns, bounds: what the type needs (see questions.ts). */
		config: jsonb().$type<QuestionConfig>().notNull(),
		/** Shown only when an earlier question has a given answer. */
		condition: jsonb().$type<QuestionCondition>(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index().on(t.moduleId, t.position)]
);

export const surveysResponses = pgTable(
	'surveys_responses',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		/** Null once the person's account is anonymised (their free-text answers are erased then). */
		respondentId: text().references(() => user.id, { onDelete: 'set null' }),
		/** questionId → answer, already validated against the questions. */
		answers: jsonb().$type<Answers>().notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	// One response per person and survey: the unique key is what makes a double submission update, never duplicate.
	(t) => [uniqueIndex().on(t.moduleId, t.respondentId)]
);
