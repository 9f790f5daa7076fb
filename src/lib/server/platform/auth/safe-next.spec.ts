import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
	it.each([
		['/account', '/account'],
		['/en/account/data?x=1#top', '/en/account/data?x=1#top'],
		['/processes/budget-2027', '/processes/budget-2027']
	])('keeps the same-site path %s', (input, expected) => {
		expect(safeNext(input)).toBe(expected);
	});

	it.each([
		null,
		undefined,
		'',
		'https://evil.example/',
		'//evil.example/path',
		'/\\evil.example',
		'\\\\evil.example',
		'javascript:alert(1)',
		'/ok\n/evil',
		'account',
		`/${'a'.repeat(600)}`
	])('refuses %s', (input) => {
		expect(safeNext(input)).toBeNull();
	});
});
