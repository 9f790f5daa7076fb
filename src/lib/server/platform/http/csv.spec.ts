import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
	it('writes a header from the union of keys and CRLF line ends', () => {
		expect(
			toCsv([
				{ a: 1, b: 'x' },
				{ b: 'y', c: true }
			])
		).toBe('a,b,c\r\n1,x,\r\n,y,true\r\n');
	});

	it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
		const csv = toCsv([{ text: 'Piața "Unirii", Timișoara\nRomânia' }]);
		expect(csv).toBe('text\r\n"Piața ""Unirii"", Timișoara\nRomânia"\r\n');
	});

	it('writes dates as ISO 8601, objects as JSON and null as empty', () => {
		const csv = toCsv([{ at: new Date('2027-03-01T10:00:00Z'), data: { k: 'v' }, gone: null }]);
		expect(csv).toBe('at,data,gone\r\n2027-03-01T10:00:00.000Z,"{""k"":""v""}",\r\n');
	});

	it('defuses text a spreadsheet would run as a formula, but keeps numbers', () => {
		expect(toCsv([{ t: '=HYPERLINK("x")', n: -5 }])).toBe('t,n\r\n"\'=HYPERLINK(""x"")",-5\r\n');
	});

	it('writes only the header for an empty table when columns are given', () => {
		expect(toCsv([], ['id', 'name'])).toBe('id,name\r\n');
	});
});
