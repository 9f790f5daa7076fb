import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone.ts';
import { censusHash, normalizeIdentifier } from './census-hash.ts';
import { parseCensusFile } from './census-file.ts';

describe('phone numbers', () => {
	it.each([
		['0722 123 456', '+40722123456'],
		['+40 (722) 123-456', '+40722123456'],
		['0040722123456', '+40722123456'],
		['+36 30 123 4567', '+36301234567'],
		['0722 123 45', null],
		['+4072212345678', null],
		['722123456', null],
		['call me', null]
	])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

	it('masks all but the country code and the last digits', () =>
		expect(maskPhone('+40722123456')).toBe('+407•••••456'));
});

describe('census identifier hash (docs/verification.md)', () => {
	it('normalises spacing, separators and case before hashing', () => {
		expect(normalizeIdentifier(' 187-0101.123 456 ')).toBe('1870101123456');
		expect(normalizeIdentifier('ab 12/cd')).toBe('AB12CD');
		expect(censusHash('187 0101 123456', 'salt')).toBe(censusHash('1870101123456', 'salt'));
	});

	it('is SHA-256 over salt, a colon and the identifier, in lower-case hex', () => {
		const expected = createHash('sha256').update('s3cret:1870101123456').digest('hex');
		expect(censusHash('1870101123456', 's3cret')).toBe(expected);
		expect(censusHash('1870101123456', 'other')).not.toBe(expected);
	});
});

describe('census file', () => {
	const h = 'a'.repeat(64);
	it('reads hash, optional birth year and neighbourhood, with a BOM and CRLF line ends', () => {
		expect(
			parseCensusFile(
				`\uFEFFHash,Birth_Year,Neighbourhood\r\n${h.toUpperCase()},1990,iosefin\r\n${'b'.repeat(64)},,\r\n`,
				2026
			)
		).toEqual({
			ok: true,
			rows: [
				{ hash: h, birthYear: 1990, neighbourhood: 'iosefin' },
				{ hash: 'b'.repeat(64), birthYear: null, neighbourhood: null }
			]
		});
	});

	it('refuses a year in the future and a file that is not CSV', () => {
		expect(parseCensusFile(`hash,birth_year\n${h},2030`, 2026)).toEqual({
			ok: false,
			error: 'verification_census_bad_year',
			line: 2
		});
		expect(parseCensusFile('hash\n"unterminated')).toEqual({ ok: false, error: 'verification_census_not_csv' });
	});
});
