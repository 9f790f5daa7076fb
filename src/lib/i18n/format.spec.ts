import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './format.ts';

describe('memoised Intl formatters', () => {
	it('format like a fresh Intl formatter, Serbian in Latin script', () => {
		const at = new Date('2026-03-01T10:30:00Z');
		const options = { dateStyle: 'long', timeZone: 'Europe/Bucharest' } as const;
		expect(dateTimeFormat('ro', options).format(at)).toBe(new Intl.DateTimeFormat('ro', options).format(at));
		expect(dateTimeFormat('sr', options).format(at)).toBe(new Intl.DateTimeFormat('sr-Latn', options).format(at));
		const lei = { style: 'currency', currency: 'RON', maximumFractionDigits: 0 } as const;
		expect(numberFormat('hu', lei).format(12500)).toBe(new Intl.NumberFormat('hu', lei).format(12500));
	});

	it('build one formatter per locale and options', () => {
		const a = dateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' });
		expect(dateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(a);
		expect(dateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })).not.toBe(a);
		expect(dateTimeFormat('de', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(a);
	});
});
