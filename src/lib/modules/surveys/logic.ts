/**
 * The shape of survey questions and answers, and conditional display, shared by the server (which decides) and the
 * browser (which only hides questions early, as a convenience). No server imports here.
 */
import type { Translated } from '#lib/i18n/index.ts';

export const questionTypes = [
	'short_text',
	'long_text',
	'single_choice',
	'multiple_choice',
	'ranking',
	'matrix',
	'number',
	'date'
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** An option, a matrix row or a matrix column: a stable id (answers refer to it) and a translatable label. */
export interface Choice {
	id: string;
	label: Translated;
}

export interface QuestionConfig {
	/** single_choice, multiple_choice, ranking */
	options?: Choice[];
	/** single_choice, multiple_choice: an "Other" option with free text. */
	allowOther?: boolean;
	/** multiple_choice */
	minSelections?: number | null;
	maxSelections?: number | null;
	/** matrix */
	rows?: Choice[];
	columns?: Choice[];
	multiplePerRow?: boolean;
	/** number */
	min?: number | null;
	max?: number | null;
	integer?: boolean;
	/** date, as YYYY-MM-DD */
	minDate?: string | null;
	maxDate?: string | null;
}

/** Show the question only when question `questionId` (an earlier choice question) has option `optionId` chosen. */
export interface QuestionCondition {
	questionId: string;
	optionId: string;
}

export interface Question {
	id: string;
	type: QuestionType;
	title: Translated;
	description: Translated;
	required: boolean;
	config: QuestionConfig;
	condition: QuestionCondition | null;
}

/** The option id of the free-text "Other" choice. */
export const OTHER = 'other';

export type Answer =
	| { text: string }
	| { option: string; other?: string }
	| { options: string[]; other?: string }
	| { ranking: string[] }
	| { rows: Record<string, string[]> }
	| { number: number }
	| { date: string };

export type Answers = Record<string, Answer>;

export const isChoiceType = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';

/** The options chosen in a (validated) answer, for conditions. */
export function chosenOptions(answer: Answer | undefined): string[] {
	if (!answer) return [];
	if ('option' in answer) return [answer.option];
	if ('options' in answer) return answer.options;
	return [];
}

/**
 * The ids of the questions to show, in order, given what is chosen so far. A question whose condition's source is
 * itself hidden is hidden too, so chains of conditions behave as people expect.
 */
export function visibleQuestionIds(questions: Question[], chosen: (questionId: string) => string[]): Set<string> {
	const shown = new Set<string>();
	for (const q of questions) {
		if (!q.condition) shown.add(q.id);
		else if (shown.has(q.condition.questionId) && chosen(q.condition.questionId).includes(q.condition.optionId))
			shown.add(q.id);
	}
	return shown;
}

/** What each choice question has chosen in a submitted (or half-filled) form, as the browser sees it. */
export function chosenInForm(form: FormData): (questionId: string) => string[] {
	return (questionId) => form.getAll(`q_${questionId}`).map(String);
}
