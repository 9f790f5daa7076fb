/**
 * Receipt codes of the ballot box (docs/ballot-secrecy.md): 28 random Crockford base-32 characters (140 bits), shown
 * in groups of four; the box keeps only values derived from the code, never the code.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 28;

/** A new receipt code in canonical form (no dashes). 256 is a multiple of 32, so `byte & 31` is uniform. */
export function newReceiptCode(): string {
	return [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
}

/** The code as people type it back: case, spaces and dashes ignored, O→0 and I/L→1; null when malformed. */
export function normaliseReceipt(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
	if (code.length !== LENGTH) return null;
	return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** `7KQ2-M9XD-…`: groups of four, for reading aloud and copying. */
export const formatReceipt = (code: string) => code.match(/.{1,4}/g)!.join('-');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Stored in the box: lets the voter find their ballot, reveals nothing without the code. */
export const receiptHash = (code: string) => sha256(code);

/** The ballot's voter id in the published Pabulib files: 16 hex characters of a separate hash of the code. */
export const publicIdOf = (code: string) => sha256(`public:${code}`).slice(0, 16);

/** Only the holder of the code who is also its voter can replace the ballot. */
export const changeKeyOf = (code: string, userId: string) => sha256(`${code}:${userId}`);
