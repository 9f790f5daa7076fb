/** The department form (create and edit): a translatable name (Romanian required) and an optional e-mail. */
import { z } from 'zod';
import type { Translated } from '../db/columns.ts';
import { invalid, ok, type Result } from '../result.ts';
import { compactTranslated, flattenTranslatedErrors, readTranslated, translatedField } from './translated-field.ts';

const DepartmentForm = z.object({
	name: translatedField(200),
	email: z
		.union([z.literal(''), z.email('validation_email').max(200, 'validation_too_long')])
		.transform((v) => v || null)
});

export function parseDepartmentForm(
	input: Record<string, unknown>
): Result<{ name: Translated; email: string | null }> {
	const parsed = DepartmentForm.safeParse({
		name: readTranslated(input, 'name'),
		email: typeof input.email === 'string' ? input.email.trim() : ''
	});
	if (!parsed.success) return invalid(flattenTranslatedErrors(parsed.error));
	return ok({ name: compactTranslated(parsed.data.name), email: parsed.data.email });
}
