/**
 * Notifies people: one in-app notification each, plus an e-mail now for those who chose instant e-mails (the
 * daily digest picks up the others). Call it after the transaction that caused it has committed, so nobody is
 * told about something that was rolled back.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { notifications, user } from '../db/schema.ts';
import { instantEmail } from './emails.ts';
import { sendMails } from './mailer.ts';
import { hasMessage } from './render.ts';

export interface NotifyInput {
	userIds: string[];
	/** Message key of the text, e.g. 'processes_notification_phase_changed'. */
	key: string;
	/** Message parameters; translated fields (`{ ro, en, … }`) are shown in each recipient's language. */
	data?: Record<string, unknown>;
	/** A site path without locale prefix, e.g. '/processes/bugetare-2026'. */
	link?: string | null;
}

export async function notify(db: Db, input: NotifyInput): Promise<{ created: number; emailed: number }> {
	if (!hasMessage(input.key)) throw new Error(`notify: unknown message key ${input.key}`);
	if (input.link && !input.link.startsWith('/')) throw new Error('notify: link must be a site path');
	const ids = [...new Set(input.userIds)];
	if (!ids.length) return { created: 0, emailed: 0 };
	const recipients = await db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			locale: user.locale,
			emailMode: user.emailMode,
			emailVerified: user.emailVerified
		})
		.from(user)
		.where(and(inArray(user.id, ids), isNull(user.deletedAt)));
	if (!recipients.length) return { created: 0, emailed: 0 };
	const data = input.data ?? {};
	const link = input.link ?? null;
	const rows = await db
		.insert(notifications)
		.values(recipients.map((r) => ({ userId: r.id, key: input.key, data, link })))
		.returning({ id: notifications.id, userId: notifications.userId });
	const instant = recipients.filter((r) => r.emailMode === 'instant' && r.emailVerified);
	if (!instant.length) return { created: rows.length, emailed: 0 };
	await sendMails(instant.map((r) => instantEmail(r, { key: input.key, data, link })));
	const instantIds = new Set(instant.map((r) => r.id));
	const emailedIds = rows.filter((r) => instantIds.has(r.userId)).map((r) => r.id);
	await db.update(notifications).set({ emailedAt: new Date() }).where(inArray(notifications.id, emailedIds));
	return { created: rows.length, emailed: emailedIds.length };
}
