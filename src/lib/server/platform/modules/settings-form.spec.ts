import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readSettingsForm, settingsFields } from './settings-form.ts';

const schema = z.object({
	showDates: z.boolean().default(true),
	perPage: z.number().int().min(1).max(50).default(10),
	layout: z.enum(['list', 'cards']).default('list'),
	intro: z.string().max(200).default(''),
	optionalFlag: z.boolean().optional()
});

describe('a settings form generated from a zod schema', () => {
	it('maps boolean, number, string and enum to checkbox, number, text and select, with defaults', () => {
		const fields = settingsFields('demo', schema, schema.parse({}), 'global.');
		expect(fields.map((f) => [f.key, f.type, f.value, f.name])).toEqual([
			['showDates', 'boolean', true, 'global.showDates'],
			['perPage', 'number', 10, 'global.perPage'],
			['layout', 'enum', 'list', 'global.layout'],
			['intro', 'string', '', 'global.intro'],
			['optionalFlag', 'boolean', false, 'global.optionalFlag']
		]);
		expect(fields[1]).toMatchObject({ min: 1, max: 50, integer: true, defaultValue: 10 });
		expect(fields[2]).toMatchObject({ options: ['list', 'cards'], labelKey: 'demo_setting_layout' });
		expect(fields[3]).toMatchObject({ maxLength: 200 });
		expect(fields[0].labelKey).toBe('demo_setting_show_dates');
	});

	it('shows the saved values rather than the defaults', () => {
		const fields = settingsFields('demo', schema, { showDates: false, perPage: 3, layout: 'cards' });
		expect(fields.slice(0, 3).map((f) => f.value)).toEqual([false, 3, 'cards']);
	});

	it('reads a submitted form back: absent checkbox is false, empty inputs take the default', () => {
		const form = new FormData();
		form.set('p.perPage', '');
		form.set('p.layout', 'cards');
		form.set('p.intro', '  Hello  ');
		const values = readSettingsForm(schema, form, 'p.');
		expect(values).toEqual({ showDates: false, optionalFlag: false, layout: 'cards', intro: 'Hello' });
		expect(schema.parse(values)).toMatchObject({ perPage: 10, showDates: false });
	});

	it('lets the schema reject out-of-range numbers and unknown options', () => {
		const values = readSettingsForm(schema, { perPage: '500', layout: 'grid', showDates: 'on' });
		const parsed = schema.safeParse(values);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(['layout', 'perPage']);
	});

	it('refuses schema types the form cannot render', () => {
		expect(() => settingsFields('demo', z.object({ tags: z.array(z.string()).default([]) }), {})).toThrow(
			/unsupported type array/
		);
	});
});
