/** Forms of the desks: a desk, a citizen looked up at a desk, the in-person check, a ballot typed from paper. */
import { z } from 'zod';
import { documentTypes, inPersonKinds } from '../../platform/verification/commands/record-in-person-verification.ts';
import type { BallotChoice } from './schema.ts';
import type { BudgetsGlobalSettings } from './settings.ts';

/** Why a paper ballot cannot be counted; the first ones mirror what the ballot rules reject. */
export const paperInvalidReasons = [
	'unreadable',
	'too_many_choices',
	'over_budget',
	'not_signed_or_stamped',
	'blank',
	'other'
] as const;
/** Reasons the ballot rules find when both readings agree on choices the rules do not allow. */
export const ruleInvalidReasons = ['too_many_points', 'several_zones', 'unknown_project'] as const;
export type PaperInvalidReason = (typeof paperInvalidReasons)[number] | (typeof ruleInvalidReasons)[number];

export const DeskInput = z.object({
	name: z.string().trim().min(1, 'validation_required').max(200, 'validation_too_long'),
	address: z.string().trim().max(300, 'validation_too_long').default('')
});
export type DeskInput = z.input<typeof DeskInput>;

export const readDeskForm = (form: FormData): DeskInput => ({
	name: String(form.get('name') ?? ''),
	address: String(form.get('address') ?? '')
});

export const InPersonInput = z.object({
	documentType: z.enum(documentTypes, 'verification_document_type_required'),
	kinds: z.array(z.enum(inPersonKinds)).default([])
});
export type InPersonInput = z.input<typeof InPersonInput>;

export const readInPersonForm = (form: FormData): InPersonInput => ({
	documentType: String(form.get('documentType') ?? '') as InPersonInput['documentType'],
	kinds: form.getAll('kinds').map(String) as InPersonInput['kinds']
});

/** Choices as typed into the ballot fields: ticked project ids, points or ranks per project id. */
export interface RawChoices {
	chosen: string[];
	points: Record<string, string>;
	ranks: Record<string, string>;
}

export function readRawChoices(form: FormData): RawChoices {
	const points: Record<string, string> = {};
	const ranks: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string' || !value.trim()) continue;
		if (key.startsWith('points_')) points[key.slice(7)] = value.trim();
		if (key.startsWith('rank_')) ranks[key.slice(5)] = value.trim();
	}
	return { chosen: form.getAll('choice').map(String), points, ranks };
}

/**
 * Turns the typed fields into ballot choices per pot, in the shape the ballot box stores: ticked projects
 * (approval, knapsack), projects with points (cumulative, points in the same order) or projects in rank order.
 * Unknown project ids are kept so the ballot rules can name them.
 */
export function toChoices(
	kind: BudgetsGlobalSettings['ballotKind'],
	projects: { id: string; zoneId: string }[],
	raw: RawChoices
): BallotChoice[] {
	const zoneOf = new Map(projects.map((p) => [p.id, p.zoneId]));
	const byZone = new Map<string, { id: string; weight: number }[]>();
	const add = (id: string, weight: number) => {
		const zoneId = zoneOf.get(id) ?? 'unknown';
		const list = byZone.get(zoneId) ?? [];
		if (!list.some((x) => x.id === id)) list.push({ id, weight });
		byZone.set(zoneId, list);
	};
	if (kind === 'cumulative') {
		for (const [id, v] of Object.entries(raw.points)) if (Number(v) > 0) add(id, Math.trunc(Number(v)));
	} else if (kind === 'ranking') {
		for (const [id, v] of Object.entries(raw.ranks)) if (Number(v) > 0) add(id, Math.trunc(Number(v)));
	} else {
		for (const id of raw.chosen) add(id, 0);
	}
	const order = [...new Set(projects.map((p) => p.zoneId))];
	const zones = [...byZone.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
	return zones.map((zoneId) => {
		const list = byZone.get(zoneId)!;
		if (kind === 'ranking') list.sort((a, b) => a.weight - b.weight);
		else list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return kind === 'cumulative'
			? { zoneId, projectIds: list.map((x) => x.id), points: list.map((x) => x.weight) }
			: { zoneId, projectIds: list.map((x) => x.id) };
	});
}

/** The raw fields back from stored choices, to refill a form. */
export function rawFromChoices(choices: BallotChoice[]): RawChoices {
	const raw: RawChoices = { chosen: [], points: {}, ranks: {} };
	for (const c of choices)
		c.projectIds.forEach((id, i) => {
			raw.chosen.push(id);
			if (c.points) raw.points[id] = String(c.points[i]);
			raw.ranks[id] = String(i + 1);
		});
	return raw;
}

export const PaperEntryInput = z
	.object({
		serial: z
			.string()
			.trim()
			.min(1, 'validation_required')
			.max(40, 'validation_too_long')
			.regex(/^[A-Za-z0-9][A-Za-z0-9/-]*$/, 'budgets_desk_error_serial_format')
			.transform((s) => s.toUpperCase()),
		validity: z.enum(['valid', 'invalid'], 'budgets_desk_error_validity_required'),
		invalidReason: z.enum(paperInvalidReasons).optional()
	})
	.refine((v) => v.validity === 'valid' || v.invalidReason, {
		path: ['invalidReason'],
		message: 'budgets_desk_error_reason_required'
	});
export type PaperEntryInput = z.input<typeof PaperEntryInput> & { raw: RawChoices };

export const readPaperForm = (form: FormData): PaperEntryInput => {
	const reason = String(form.get('invalidReason') ?? '');
	return {
		serial: String(form.get('serial') ?? ''),
		validity: String(form.get('validity') ?? '') as 'valid' | 'invalid',
		invalidReason: reason ? (reason as (typeof paperInvalidReasons)[number]) : undefined,
		raw: readRawChoices(form)
	};
};

/** Two readings of one paper ballot agree when they say the same thing: the same choices, or invalid for the same reason. */
export function sameReading(
	a: { choices: BallotChoice[]; invalidReason: string | null },
	b: { choices: BallotChoice[]; invalidReason: string | null }
): boolean {
	if (a.invalidReason || b.invalidReason) return a.invalidReason === b.invalidReason;
	return JSON.stringify(canonical(a.choices)) === JSON.stringify(canonical(b.choices));
}

const canonical = (choices: BallotChoice[]) =>
	choices
		.filter((c) => c.projectIds.length)
		.map((c) => ({ zoneId: c.zoneId, projectIds: c.projectIds, points: c.points ?? null }))
		.sort((x, y) => (x.zoneId < y.zoneId ? -1 : x.zoneId > y.zoneId ? 1 : 0));
