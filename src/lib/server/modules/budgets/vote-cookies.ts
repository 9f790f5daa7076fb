/**
 * The two short-lived, HttpOnly cookies of the vote journey (never stored server-side): the change cookie holds the
 * receipt a voter proved on the change page until they cast again; the receipt cookie lets the receipt page show,
 * after the redirect, the code and what was cast — to the voter's own browser only.
 */
import type { BallotChoice } from './schema.ts';

export const changeCookie = (moduleId: string) => `vocea_vote_change_${moduleId}`;
export const receiptCookie = (moduleId: string) => `vocea_vote_receipt_${moduleId}`;
export const voteCookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, maxAge: 30 * 60 };

export interface ReceiptFlash {
	status: 'cast' | 'replaced';
	receipt: string;
	choices: BallotChoice[];
}

export function readReceiptFlash(value: string | undefined): ReceiptFlash | null {
	if (!value) return null;
	try {
		const v = JSON.parse(value) as ReceiptFlash;
		return typeof v.receipt === 'string' && Array.isArray(v.choices) ? v : null;
	} catch {
		return null;
	}
}
