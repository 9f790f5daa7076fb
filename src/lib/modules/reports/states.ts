/**
 * The states of a report — the one list, browser-safe, so the pages (filters, labels, the staff forms) and the server
 * module (schema, rules, queries) share it; `src/lib/server/modules/reports/schema.ts` and `rules.ts` re-export it.
 * Open: new → confirmed → in_progress; closed: fixed, closed, duplicate, not_responsible (with the body it belongs
 * to), cannot_fix (with a reason). Open311 shows open/closed.
 */
export const reportStates = [
	'new',
	'confirmed',
	'in_progress',
	'fixed',
	'closed',
	'duplicate',
	'not_responsible',
	'cannot_fix'
] as const;
export type ReportState = (typeof reportStates)[number];

export const openStates: readonly ReportState[] = ['new', 'confirmed', 'in_progress'];
export const closedStates: readonly ReportState[] = reportStates.filter((s) => !openStates.includes(s));

export const isOpen = (state: ReportState) => openStates.includes(state);

/** What the public list and map filter on: all open or all closed reports, or one state. */
export type ReportStateFilter = 'open' | 'closed' | ReportState;

/**
 * The public state filter's choices, in the order offered. The filter value `closed` stands for every closed state,
 * so the state of that name is not offered on its own.
 */
export const reportStateFilters: readonly ReportStateFilter[] = [
	'open',
	'closed',
	...reportStates.filter((s) => s !== 'closed')
];
