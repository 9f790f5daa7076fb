/**
 * Reads the ballot form (also the review page's hidden fields): `project` (checkboxes), `points:<id>` (number
 * inputs), `rank:<id>` (selects), `zone`, the declarations, and the list filters. Never throws on forged input:
 * the rules reject what does not fit.
 */
import type { SelectionEntry } from './ballot-rules.ts';
import type { BallotInput } from './voting.ts';

export interface BallotFilters {
	pot: string;
	category: string;
}

const int = (v: FormDataEntryValue) => {
	const s = String(v).trim();
	return /^-?\d{1,6}$/.test(s) ? Number(s) : NaN;
};

export function readBallotForm(form: FormData): { input: BallotInput; filters: BallotFilters } {
	// Only one family of fields exists in a genuine form (the one of the edition's ballot kind); the rules reject
	// whatever a forged mix makes of it.
	const selection: SelectionEntry[] = [];
	for (const id of new Set(form.getAll('project').map(String))) selection.push({ projectId: id });
	for (const [name, value] of form.entries()) {
		if (name.startsWith('points:') && String(value).trim() !== '') {
			const points = int(value);
			if (points !== 0) selection.push({ projectId: name.slice(7), points });
		}
		if (name.startsWith('rank:') && String(value).trim() !== '')
			selection.push({ projectId: name.slice(5), rank: int(value) });
	}
	const text = (k: string) => String(form.get(k) ?? '').slice(0, 100);
	return {
		input: {
			zone: text('zone') || null,
			selection,
			declareAge: form.has('declareAge'),
			declareResidence: form.has('declareResidence')
		},
		filters: { pot: text('pot'), category: text('category') }
	};
}
