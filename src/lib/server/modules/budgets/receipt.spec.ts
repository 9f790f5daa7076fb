import { describe, expect, it } from 'vitest';
import { changeKeyOf, formatReceipt, newReceiptCode, normaliseReceipt, publicIdOf, receiptHash } from './receipt.ts';

describe('receipt codes', () => {
	it('are 28 Crockford base-32 characters (140 bits), fresh each time', () => {
		const codes = new Set(Array.from({ length: 1000 }, newReceiptCode));
		expect(codes.size).toBe(1000);
		for (const c of codes) expect(c).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{28}$/);
	});

	it('read back whatever the case, dashes, spaces and look-alike letters', () => {
		const code = newReceiptCode();
		expect(normaliseReceipt(formatReceipt(code).toLowerCase())).toBe(code);
		expect(normaliseReceipt(` ${formatReceipt(code).replace(/-/g, ' ')} `)).toBe(code);
		expect(normaliseReceipt('O'.repeat(28))).toBe('0'.repeat(28));
		expect(normaliseReceipt('il'.repeat(14))).toBe('1'.repeat(28));
		expect(normaliseReceipt('too short')).toBeNull();
		expect(normaliseReceipt('U'.repeat(28))).toBeNull();
	});

	it('derive a hash, a public id and a per-voter change key that differ from each other', () => {
		const code = newReceiptCode();
		expect(receiptHash(code)).toMatch(/^[0-9a-f]{64}$/);
		expect(publicIdOf(code)).toMatch(/^[0-9a-f]{16}$/);
		expect(receiptHash(code).startsWith(publicIdOf(code))).toBe(false);
		expect(changeKeyOf(code, 'u1')).not.toBe(changeKeyOf(code, 'u2'));
		expect(formatReceipt(code)).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
	});
});
