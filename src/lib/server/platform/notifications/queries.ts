/** Reads a person's notifications and e-mail preference. */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../actors/actor.ts';
import { isUser } from '../actors/actor.ts';
import { getDb, type Db } from '../db/index.ts';
import { notifications, user } from '../db/schema.ts';
import { authorize, decide } from '../permissions/index.ts';
import { isEmailMode, notificationText, type EmailMode } from './render.ts';

export async function unreadCount(db: Db, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return Number(row?.n ?? 0);
}

/** The actor's unread notifications (0 for anyone not signed in), for the header badge. */
export async function myUnreadCount(actor: Actor): Promise<number> {
	return isUser(actor) ? unreadCount(await getDb(), actor.id) : 0;
}

export interface NotificationItem {
	id: string;
	text: string;
	/** Site path without locale prefix, or null. */
	link: string | null;
	createdAt: Date;
	read: boolean;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** The actor's notifications, unread first, newest first within each, texts in `locale`. */
export async function listNotifications(
	actor: Actor,
	{ locale, page = 1 }: { locale: string; page?: number }
): Promise<{ items: NotificationItem[]; unread: number; hasMore: boolean; page: number; emailMode: EmailMode }> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const db = await getDb();
	const current = Math.max(1, Math.floor(page) || 1);
	const rows = await db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(sql`${notifications.readAt} IS NULL DESC`, desc(notifications.createdAt), desc(notifications.id))
		.limit(NOTIFICATIONS_PAGE_SIZE + 1)
		.offset((current - 1) * NOTIFICATIONS_PAGE_SIZE);
	const [[me], unread] = await Promise.all([
		db.select({ emailMode: user.emailMode }).from(user).where(eq(user.id, userId)),
		unreadCount(db, userId)
	]);
	return {
		items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE).map((r) => ({
			id: r.id,
			text: notificationText(r.key, r.data, locale),
			link: r.link,
			createdAt: r.createdAt,
			read: r.readAt !== null
		})),
		unread,
		hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE,
		page: current,
		emailMode: isEmailMode(me?.emailMode) ? me.emailMode : 'instant'
	};
}

/** The id of the live account with this e-mail address, if any (test hooks, admin tools). */
export async function userIdByEmail(db: Db, email: string): Promise<string | null> {
	const [row] = await db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.email, email.toLowerCase()), isNull(user.deletedAt)));
	return row?.id ?? null;
}
