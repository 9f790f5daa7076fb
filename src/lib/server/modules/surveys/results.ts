/**
 * Aggregated results of a survey (counts and percentages per question), and the staff CSV of all responses: one row
 * per response under an anonymous number, one column per question (per option for multiple choice and ranking).
 */
import { toCsv } from '../../platform/http/csv.ts';
import { OTHER, type Answer, type Answers, type Question } from '#lib/modules/surveys/logic.ts';
import type { Bar, QuestionSummary } from '#lib/modules/surveys/summary.ts';

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
const otherLabel = { ro: 'Altceva', en: 'Other' };

function median(sorted: number[]): number {
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts of distinct values when there are few; else six equal-width buckets (numbers) or months (dates). */
function distribution(values: (number | string)[], answered: number): Bar[] {
	const distinct = [...new Set(values)];
	if (distinct.length <= 10 || typeof values[0] === 'string') {
		const keyOf =
			distinct.length <= 10 ? (v: number | string) => String(v) : (v: number | string) => String(v).slice(0, 7);
		const counts = new Map<string, { value: number | string; count: number }>();
		for (const v of values) {
			const entry = counts.get(keyOf(v)) ?? { value: v, count: 0 };
			entry.count++;
			counts.set(keyOf(v), entry);
		}
		return [...counts.entries()]
			.sort(([ka, a], [kb, b]) =>
				typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : ka < kb ? -1 : 1
			)
			.map(([key, { count }]) => ({ key, label: { ro: key }, count, percent: pct(count, answered) }));
	}
	const nums = values as number[];
	const lo = Math.min(...nums);
	const hi = Math.max(...nums);
	const width = (hi - lo) / 6;
	const bars: Bar[] = [];
	for (let i = 0; i < 6; i++) {
		const from = lo + i * width;
		const to = i === 5 ? hi : lo + (i + 1) * width;
		const count = nums.filter((n) => n >= from && (i === 5 ? n <= to : n < to)).length;
		const f = (n: number) => String(Math.round(n * 100) / 100);
		bars.push({
			key: `${f(from)}-${f(to)}`,
			label: { ro: `${f(from)}–${f(to)}` },
			count,
			percent: pct(count, answered)
		});
	}
	return bars;
}

/** Per-question results over all responses. `withTexts` adds the free-text answers (staff only). */
export function summarize(questions: Question[], responses: Answers[], { withTexts = false } = {}): QuestionSummary[] {
	return questions.map((q, i) => {
		const given = responses.map((r) => r[q.id]).filter((a): a is Answer => a !== undefined);
		const answered = given.length;
		const base: QuestionSummary = { questionId: q.id, number: i + 1, type: q.type, title: q.title, answered, bars: [] };
		const texts: string[] = [];
		switch (q.type) {
			case 'short_text':
			case 'long_text':
				for (const a of given) if ('text' in a) texts.push(a.text);
				break;
			case 'single_choice':
			case 'multiple_choice': {
				const chosen = given.map((a) => ('option' in a ? [a.option] : 'options' in a ? a.options : []));
				const options = [...(q.config.options ?? [])];
				if (q.config.allowOther) options.push({ id: OTHER, label: otherLabel });
				base.bars = options.map((o) => {
					const count = chosen.filter((c) => c.includes(o.id)).length;
					return { key: o.id, label: o.label, count, percent: pct(count, answered) };
				});
				for (const a of given) if ('other' in a && a.other) texts.push(a.other);
				break;
			}
			case 'ranking': {
				// Borda points: first of n options gets n points, last gets 1.
				const options = q.config.options ?? [];
				const points = new Map(options.map((o) => [o.id, 0]));
				for (const a of given)
					if ('ranking' in a)
						a.ranking.forEach((id, rank) => points.set(id, (points.get(id) ?? 0) + a.ranking.length - rank));
				const total = [...points.values()].reduce((s, n) => s + n, 0);
				base.bars = options
					.map((o) => ({
						key: o.id,
						label: o.label,
						count: points.get(o.id) ?? 0,
						percent: pct(points.get(o.id) ?? 0, total)
					}))
					.sort((a, b) => b.count - a.count);
				break;
			}
			case 'matrix': {
				const columns = q.config.columns ?? [];
				base.matrix = {
					columns,
					rows: (q.config.rows ?? []).map((row) => ({
						label: row.label,
						counts: columns.map((col) => given.filter((a) => 'rows' in a && a.rows[row.id]?.includes(col.id)).length)
					}))
				};
				break;
			}
			case 'number': {
				const nums = given.flatMap((a) => ('number' in a ? [a.number] : [])).sort((a, b) => a - b);
				if (nums.length) {
					const mean = nums.reduce((s, n) => s + n, 0) / nums.length;
					base.stats = { mean: Math.round(mean * 100) / 100, median: median(nums), min: nums[0], max: nums.at(-1)! };
					base.bars = distribution(nums, answered);
				}
				break;
			}
			case 'date': {
				const dates = given.flatMap((a) => ('date' in a ? [a.date] : []));
				if (dates.length) base.bars = distribution(dates, answered);
				break;
			}
		}
		if (withTexts) base.texts = texts;
		return base;
	});
}

const label = (t: { ro: string }) => t.ro;

/** Column headers and cell values of one response, in questionnaire order (Romanian labels). */
function responseColumns(questions: Question[]) {
	const cols: { header: string; questionId: string; value: (a: Answer | undefined) => string | number | null }[] = [];
	questions.forEach((q, i) => {
		const head = `${i + 1}. ${label(q.title)}`;
		const c = q.config;
		const push = (col: Omit<(typeof cols)[number], 'questionId'>) => cols.push({ ...col, questionId: q.id });
		switch (q.type) {
			case 'short_text':
			case 'long_text':
				push({ header: head, value: (a) => (a && 'text' in a ? a.text : null) });
				break;
			case 'single_choice':
				push({
					header: head,
					value: (a) =>
						a && 'option' in a
							? a.option === OTHER
								? otherLabel.ro
								: label(c.options?.find((o) => o.id === a.option)?.label ?? { ro: '' })
							: null
				});
				if (c.allowOther)
					push({ header: `${head} — ${otherLabel.ro}`, value: (a) => (a && 'option' in a ? (a.other ?? null) : null) });
				break;
			case 'multiple_choice':
				for (const o of [...(c.options ?? []), ...(c.allowOther ? [{ id: OTHER, label: otherLabel }] : [])])
					push({
						header: `${head} — ${label(o.label)}`,
						value: (a) => (a && 'options' in a ? (a.options.includes(o.id) ? 1 : 0) : null)
					});
				if (c.allowOther)
					push({
						header: `${head} — ${otherLabel.ro} (text)`,
						value: (a) => (a && 'options' in a ? (a.other ?? null) : null)
					});
				break;
			case 'ranking':
				for (const o of c.options ?? [])
					push({
						header: `${head} — ${label(o.label)}`,
						value: (a) => (a && 'ranking' in a ? a.ranking.indexOf(o.id) + 1 || null : null)
					});
				break;
			case 'matrix':
				for (const row of c.rows ?? [])
					push({
						header: `${head} — ${label(row.label)}`,
						value: (a) =>
							a && 'rows' in a && a.rows[row.id]
								? a.rows[row.id]
										.map((id) => label(c.columns?.find((col) => col.id === id)?.label ?? { ro: '' }))
										.join('; ')
								: null
					});
				break;
			case 'number':
				push({ header: head, value: (a) => (a && 'number' in a ? a.number : null) });
				break;
			case 'date':
				push({ header: head, value: (a) => (a && 'date' in a ? a.date : null) });
				break;
		}
	});
	return cols;
}

/**
 * All responses as CSV. Rows are numbered 1…n in the order of their random ids, not of submission, so neither the
 * number nor the row order says who answered when; no account, name or date is included.
 */
export function responsesCsv(questions: Question[], responses: { id: string; answers: Answers }[]): string {
	const cols = responseColumns(questions);
	// Headers are the row keys: two options with the same label must not share a column.
	const seen = new Map<string, number>();
	const headers = cols.map((c) => {
		const n = (seen.get(c.header) ?? 0) + 1;
		seen.set(c.header, n);
		return n > 1 ? `${c.header} (${n})` : c.header;
	});
	const rows = [...responses]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((r, i) =>
			Object.fromEntries([['response', i + 1], ...cols.map((c, j) => [headers[j], c.value(r.answers[c.questionId])])])
		);
	return toCsv(rows, ['response', ...headers]);
}
