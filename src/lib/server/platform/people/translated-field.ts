/** Reads a translatable text from a form (`name_ro`, `name_en`, …): Romanian is required, other locales optional. */
import { z } from 'zod';
import type { Translated } from '../db/columns.ts';

export const contentLocales = ['ro', 'en', 'hu', 'de', 'sr', 'uk'] as const;

/** A zod schema for a translated field whose inputs are named `<field>_<locale>`. */
export function translatedField(max = 200) {
	const optional = z
		.string()
		.trim()
		.max(max, 'validation_too_long')
		.optional()
		.transform((v) => (v ? v : undefined));
	return z.object({
		ro: z.string().trim().min(1, 'validation_required').max(max, 'validation_too_long'),
		en: optional,
		hu: optional,
		de: optional,
		sr: optional,
		uk: optional
	});
}

/** Collects `<field>_<locale>` inputs into one object for `translatedField()`. */
export function readTranslated(input: Record<string, unknown>, field: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const l of contentLocales) {
		const v = input[`${field}_${l}`];
		if (typeof v === 'string') out[l] = v;
	}
	return out;
}

/** Drops empty locales so the stored JSON only holds real translations. */
export function compactTranslated(value: Record<string, string | undefined>): Translated {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(value)) if (v) out[k] = v;
	return out as Translated;
}

/** Maps zod issues on a nested translated field to the form's input names (`name.ro` → `name_ro`). */
export function flattenTranslatedErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = issue.path.map(String).join('_') || '_form';
		out[key] ??= issue.message.startsWith('validation_') ? issue.message : 'validation_invalid';
	}
	return out;
}
