/** The name form shared by neighbourhoods and zones: one input per locale (`name_ro`, `name_en`, …), Romanian required. */
import type { Translated } from '../db/columns.ts';
import { invalid, ok, type Result } from '../result.ts';
import {
	compactTranslated,
	flattenTranslatedErrors,
	readTranslated,
	translatedField
} from '../people/translated-field.ts';

const PlaceName = translatedField(120);

export function parsePlaceName(input: Record<string, unknown>): Result<Translated> {
	const parsed = PlaceName.safeParse(readTranslated(input, 'name'));
	if (!parsed.success) {
		// Issues are relative to the name object: prefix them so they point at `name_ro`, `name_en`, …
		const errors: Record<string, string> = {};
		for (const [k, v] of Object.entries(flattenTranslatedErrors(parsed.error))) errors[`name_${k}`] = v;
		return invalid(errors);
	}
	return ok(compactTranslated(parsed.data));
}
