/**
 * The daily digest: for each person who chose it, one e-mail listing their unread notifications not e-mailed yet
 * (from the last week, so switching to the digest does not send a year of history), which are then marked e-mailed.
 */
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { notifications, user } from '../../db/schema.ts';
import { logger } from '../../log.ts';
import { digestEmail } from '../emails.ts';
import { sendMail } from '../mailer.ts';

export const DIGEST_WINDOW_DAYS = 7;

export async function sendDigest(db: Db, now = new Date()): Promise<{ people: number; notifications: number }> {
	const since = new Date(now.getTime() - DIGEST_WINDOW_DAYS * 24 * 3600 * 1000);
	const rows = await db
		.select({
			id: notifications.id,
			userId: notifications.userId,
			key: notifications.key,
			data: notifications.data,
			link: notifications.link,
			email: user.email,
			name: user.name,
			locale: user.locale
		})
		.from(notifications)
		.innerJoin(user, eq(user.id, notifications.userId))
		.where(
			and(
				eq(user.emailMode, 'digest'),
				eq(user.emailVerified, true),
				isNull(user.deletedAt),
				isNull(notifications.readAt),
				isNull(notifications.emailedAt),
				gt(notifications.createdAt, since)
			)
		)
		.orderBy(asc(notifications.userId), asc(notifications.createdAt));
	const byUser = new Map<string, typeof rows>();
	for (const r of rows) (byUser.get(r.userId) ?? byUser.set(r.userId, []).get(r.userId)!).push(r);
	let people = 0;
	let count = 0;
	let failures = 0;
	for (const items of byUser.values()) {
		// Claim before sending, so two digest runs (two app processes) never mail the same notification twice.
		const claimed = await db
			.update(notifications)
			.set({ emailedAt: now })
			.where(
				and(
					inArray(
						notifications.id,
						items.map((i) => i.id)
					),
					isNull(notifications.emailedAt)
				)
			)
			.returning({ id: notifications.id });
		const ids = new Set(claimed.map((c) => c.id));
		const mine = items.filter((i) => ids.has(i.id));
		if (!mine.length) continue;
		try {
			await sendMail(digestEmail(mine[0], mine));
		} catch (err) {
			// Release the claim: tomorrow's digest (or a retry of this job) includes them again.
			await db
				.update(notifications)
				.set({ emailedAt: null })
				.where(inArray(notifications.id, [...ids]));
			logger().error({ err, userId: mine[0].userId }, 'digest e-mail failed');
			failures++;
			continue;
		}
		people++;
		count += mine.length;
	}
	// Failing the run makes the job retry; only the released (unsent) notifications are picked up again.
	if (failures) throw new Error(`digest: ${failures} e-mail(s) could not be sent`);
	return { people, notifications: count };
}
