/** The page form: translatable title and Markdown body (Romanian required), an optional URL slug. */
import { z } from 'zod';
import { readTranslated, slugPattern, translatedInput } from '../../platform/spaces/forms.ts';

export const PageInput = z.object({
	slug: z.string().trim().max(80, 'validation_too_long').regex(slugPattern, 'processes_error_slug').optional(),
	title: translatedInput(200),
	body: translatedInput(50_000)
});
export type PageInput = z.input<typeof PageInput>;

export const readPageForm = (form: FormData): PageInput => ({
	slug: String(form.get('slug') ?? '').trim() || undefined,
	title: readTranslated(form, 'title') as PageInput['title'],
	body: readTranslated(form, 'body') as PageInput['body']
});
