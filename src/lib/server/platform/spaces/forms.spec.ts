import { describe, expect, it } from 'vitest';
import { cleanTranslated, fieldErrors, PhaseInput, readProcessForm, slugify } from './forms.ts';

describe('process forms', () => {
	it('make slugs from Romanian titles, folding diacritics', () => {
		expect(slugify('Școli și grădinițe în Fabric — 2025!')).toBe('scoli-si-gradinite-in-fabric-2025');
		expect(slugify('???')).toBe('proces');
	});

	it('read one input per locale and drop empty translations', () => {
		const form = new FormData();
		form.set('title_ro', 'Titlu');
		form.set('title_en', '  ');
		form.set('title_hu', 'Cím');
		const input = readProcessForm(form);
		expect(input.title).toEqual({ ro: 'Titlu', en: '  ', hu: 'Cím' });
		expect(cleanTranslated(input.title)).toEqual({ ro: 'Titlu', hu: 'Cím' });
		expect(input.slug).toBeUndefined();
	});

	it('key errors like the inputs', () => {
		const parsed = PhaseInput.safeParse({ title: { ro: '' }, description: {}, startsOn: '', endsOn: '2025-01-01' });
		expect(parsed.success).toBe(false);
		expect(fieldErrors(parsed.error!)).toEqual({ title_ro: 'validation_required', startsOn: 'validation_date' });
	});
});
