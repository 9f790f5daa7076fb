/** The shape of a survey's aggregated results, as the results pages receive them (no personal data). */
import type { Translated } from '#lib/i18n/index.ts';
import type { Choice, QuestionType } from './logic.ts';

/** One bar of a chart. `key` is an option id, `other`, or a value bucket; `count` is people (points for rankings). */
export interface Bar {
	key: string;
	label: Translated;
	count: number;
	/** Share of the people who answered the question (of all points for rankings), 0–100, one decimal. */
	percent: number;
}

export interface QuestionSummary {
	questionId: string;
	number: number;
	type: QuestionType;
	title: Translated;
	/** People who answered this question. */
	answered: number;
	bars: Bar[];
	matrix?: { columns: Choice[]; rows: { label: Translated; counts: number[] }[] };
	stats?: { mean: number; median: number; min: number; max: number };
	/** Free-text answers (and "other" texts): staff only, never in public results. */
	texts?: string[];
}
