/**
 * The reopen link of a reporter who left only an e-mail address (no account): its key is an HMAC-SHA256, keyed with
 * the platform's auth secret, of the report's id and that address. Nothing is stored: the key proves that its holder
 * received the e-mails sent to that address about that report, and it stops working when the address is removed
 * (anonymisation). A report with an author never has one: its reporter signs in instead.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '../../platform/config/env.ts';

/** Separates these keys from every other HMAC made with the same secret. */
const PURPOSE = 'reports.reopen';

export function reopenKey(reportId: string, email: string): string {
	return createHmac('sha256', authSecret())
		.update(`${PURPOSE}\n${reportId}\n${email.trim().toLowerCase()}`)
		.digest('base64url');
}

/** Whether `key` reopens this report: a report without an author, with a contact e-mail, and its key (constant time). */
export function reopenKeyMatches(
	report: { id: string; authorId: string | null; contactEmail: string | null },
	key: unknown
): boolean {
	if (report.authorId || !report.contactEmail || typeof key !== 'string' || key.length > 64) return false;
	const given = Buffer.from(key);
	const expected = Buffer.from(reopenKey(report.id, report.contactEmail));
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The reopen page with its key (site path, no locale prefix); a base64url key needs no escaping. */
export const reopenPath = (reportId: string, key: string) => `/reports/${reportId}/reopen?key=${key}`;
