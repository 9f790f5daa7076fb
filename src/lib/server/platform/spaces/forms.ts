/**
 * Input schemas of the space commands (zod; messages are message keys) and readers that turn a submitted HTML form
 * into command input. Translatable fields come as one input per locale: `title_ro`, `title_en`, …
 */
import { z } from 'zod';
import { locales, type Translated } from '#lib/i18n/index.ts';
import type { FieldErrors } from '../result.ts';

const optionalText = (max: number) => z.string().trim().max(max, 'validation_too_long').optional();

/** A per-locale text: Romanian required (or optional), other locales optional; empty strings are dropped. */
export function translatedInput(max: number, { required = true } = {}) {
	const ro = required
		? z.string().trim().min(1, 'validation_required').max(max, 'validation_too_long')
		: z.string().trim().max(max, 'validation_too_long').default('');
	return z.object({
		ro,
		en: optionalText(max),
		hu: optionalText(max),
		de: optionalText(max),
		sr: optionalText(max),
		uk: optionalText(max)
	});
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Kinds of space staff create; a `consultation` (Law 52/2003) gets the consultations module mounted on creation. */
export const spaceKinds = ['process', 'consultation'] as const;
export type SpaceKind = (typeof spaceKinds)[number];
/** The kind chosen in the new-process form; anything else is a plain process. */
export const readSpaceKind = (form: FormData): SpaceKind => spaceKinds.find((k) => k === form.get('kind')) ?? 'process';

export const ProcessInput = z.object({
	slug: z.string().trim().max(80, 'validation_too_long').regex(slugPattern, 'processes_error_slug').optional(),
	title: translatedInput(200),
	summary: translatedInput(500),
	description: translatedInput(20_000),
	organiser: translatedInput(300),
	decides: translatedInput(2_000),
	expectedResult: translatedInput(2_000)
});
export type ProcessInput = z.input<typeof ProcessInput>;

export const PhaseInput = z.object({
	title: translatedInput(200),
	description: translatedInput(5_000, { required: false }),
	startsOn: z.string().trim().min(1, 'validation_date'),
	endsOn: z.string().trim().min(1, 'validation_date')
});
export type PhaseInput = z.input<typeof PhaseInput>;

export const ModuleTitleInput = z.object({ title: translatedInput(200) });

/** Drops empty translations so `translate()` falls back to Romanian with a visible mark. */
export function cleanTranslated(value: Record<string, string | undefined>): Translated {
	const out: Record<string, string> = { ro: value.ro ?? '' };
	for (const l of locales) if (l !== 'ro' && value[l]?.trim()) out[l] = value[l]!.trim();
	return out as Translated;
}

/** Field errors keyed like the form inputs: `title_ro`, `startsOn`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.length ? issue.path.map(String).join('_') : '_form';
		out[field] ??= /^[a-z]+_[a-z0-9_]+$/.test(issue.message) ? issue.message : 'validation_invalid';
	}
	return out;
}

/** Reads `${name}_${locale}` inputs into a per-locale object. */
export function readTranslated(form: FormData, name: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const l of locales) {
		const v = form.get(`${name}_${l}`);
		if (typeof v === 'string') out[l] = v;
	}
	return out;
}

export const readProcessForm = (form: FormData): ProcessInput => ({
	slug: String(form.get('slug') ?? '').trim() || undefined,
	title: readTranslated(form, 'title') as ProcessInput['title'],
	summary: readTranslated(form, 'summary') as ProcessInput['summary'],
	description: readTranslated(form, 'description') as ProcessInput['description'],
	organiser: readTranslated(form, 'organiser') as ProcessInput['organiser'],
	decides: readTranslated(form, 'decides') as ProcessInput['decides'],
	expectedResult: readTranslated(form, 'expectedResult') as ProcessInput['expectedResult']
});

export const readPhaseForm = (form: FormData): PhaseInput => ({
	title: readTranslated(form, 'title') as PhaseInput['title'],
	description: readTranslated(form, 'description') as PhaseInput['description'],
	startsOn: String(form.get('startsOn') ?? ''),
	endsOn: String(form.get('endsOn') ?? '')
});

/** A URL slug from a title: lower case, diacritics folded (ș → s, ț → t), words joined by hyphens. */
export function slugify(text: string): string {
	return (
		text
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/g, '') || 'proces'
	);
}
