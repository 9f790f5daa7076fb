import { describe, expect, it } from 'vitest';
import { detectType, downloadName, isExecutable, looksLikeSvg, looksLikeText } from './detect-type.ts';
import { elfProgram, shellScript, svgWithScript, windowsProgram } from './test-fixtures.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('file type by content', () => {
	it('recognises a PDF whatever its name', async () => {
		expect(await detectType(bytes('%PDF-1.7\n%âãÏÓ\n'), 'vacation.jpg')).toMatchObject({
			ext: 'pdf',
			kind: 'document'
		});
	});

	it('takes text as CSV only with a .csv name, else as plain text', async () => {
		expect((await detectType(bytes('a;b\n1;2\n'), 'date.csv'))?.ext).toBe('csv');
		expect((await detectType(bytes('a;b\n1;2\n'), 'date.png'))?.ext).toBe('txt');
		expect((await detectType(bytes('Școala nr. 7 – Iosefin'), 'note.txt'))?.mime).toBe('text/plain');
	});

	it('refuses binary content it does not know', async () => {
		expect(await detectType(new Uint8Array([0, 1, 2, 3, 0, 0, 9]), 'x.csv')).toBeNull();
		expect(await detectType(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'setup.txt')).toBeNull();
	});

	it('tells text from binary', () => {
		expect(looksLikeText(bytes('linia 1\r\nlinia 2\tcoloană'))).toBe(true);
		expect(looksLikeText(new Uint8Array([0x41, 0x00, 0x42]))).toBe(false);
		expect(looksLikeText(new Uint8Array([0x41, 0x07]))).toBe(false);
		expect(looksLikeText(new Uint8Array())).toBe(false);
	});

	it('gives a safe download name with the real extension', () => {
		expect(downloadName('C:\\Users\\ana\\Hotărâre "finală".PDF', 'pdf')).toBe('Hotărâre finală.pdf');
		expect(downloadName('../../etc/passwd', 'txt')).toBe('passwd.txt');
		expect(downloadName('raport.pdf', 'docx')).toBe('raport.docx');
		expect(downloadName('', 'png')).toBe('file.png');
	});

	it('recognises programs whatever their name', async () => {
		for (const program of [elfProgram(), windowsProgram(), bytes(shellScript())])
			expect(await isExecutable(program)).toBe(true);
		expect(await isExecutable(bytes('%PDF-1.7\n'))).toBe(false);
		expect(await isExecutable(bytes('#include <stdio.h>'))).toBe(false);
		expect(await isExecutable(bytes('MZ;Iosefin\n12;40\n'))).toBe(false);
	});

	it('recognises SVG drawings behind declarations, comments and doctypes', () => {
		expect(looksLikeSvg(bytes(svgWithScript()))).toBe(true);
		expect(
			looksLikeSvg(
				bytes(
					'\uFEFF<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY e "x"> ]>\n<svg:svg xmlns:svg="y"/>'
				)
			)
		).toBe(true);
		expect(looksLikeSvg(bytes('<html><body><svg></svg></body></html>'))).toBe(false);
		expect(looksLikeSvg(bytes('a;b\n1;2'))).toBe(false);
	});
});
