/** Hashing of SMS codes: an HMAC keyed with the auth secret, so a database copy alone cannot test codes offline. */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { authSecret } from '../config/env.ts';

export const PHONE_CODE_TTL_MS = 10 * 60 * 1000;
export const PHONE_CODE_MAX_ATTEMPTS = 5;

export const newPhoneCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashPhoneCode = (codeId: string, code: string) =>
	createHmac('sha256', authSecret()).update(`${codeId}:${code}`).digest('hex');

export function phoneCodeMatches(codeId: string, code: string, hash: string): boolean {
	const a = Buffer.from(hashPhoneCode(codeId, code), 'hex');
	const b = Buffer.from(hash, 'hex');
	return a.length === b.length && timingSafeEqual(a, b);
}
