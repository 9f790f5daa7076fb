import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, createPerson } from '../../../../../tests/medium/support/people.ts';
import { notifications, spaces, user } from '../db/schema.ts';
import { anonymous } from '../actors/actor.ts';
import { ForbiddenError, NotFoundError } from '../result.ts';
import { notify } from './notify.ts';
import { listOutbox } from './outbox.ts';
import { listNotifications, unreadCount } from './queries.ts';
import { sendDigest } from './commands/send-digest.ts';
import { markNotificationRead } from './commands/mark-notification-read.ts';
import { markAllNotificationsRead } from './commands/mark-all-notifications-read.ts';
import { setEmailMode } from './commands/set-email-mode.ts';
import { follow } from './commands/follow.ts';
import { unfollow } from './commands/unfollow.ts';
import { followersOf, isFollowing, notifyFollowers } from './follows.ts';
import { POST as followRoute } from '../../../../routes/follow/+server.ts';

const database = useTestDatabase();
const KEY = 'notifications_resource_updated';
const title = { ro: 'Bugetare participativă 2026', en: 'Participatory budgeting 2026' };

async function createSpace(status: 'draft' | 'published') {
	const t = { ro: 'Proces' };
	const [s] = await database()
		.db.insert(spaces)
		.values({
			slug: `proces-${Math.random().toString(36).slice(2, 8)}`,
			title: t,
			summary: t,
			description: t,
			organiser: t,
			decides: t,
			expectedResult: t,
			status
		})
		.returning({ id: spaces.id });
	return s.id;
}

describe('notify', () => {
	it('creates an in-app notification for each person and e-mails only those who chose instant e-mails', async () => {
		const { db } = database();
		const instant = await createPerson(db, { emailMode: 'instant', locale: 'en' });
		const digest = await createPerson(db, { emailMode: 'digest' });
		const off = await createPerson(db, { emailMode: 'off' });
		const result = await notify(db, {
			userIds: [instant.id, digest.id, off.id, instant.id],
			key: KEY,
			data: { title },
			link: '/processes/bugetare-2026'
		});
		expect(result).toEqual({ created: 3, emailed: 1 });
		const mails = await listOutbox({ to: instant.email });
		expect(mails).toHaveLength(1);
		// In the recipient's language, with the translated title and a link in that language.
		expect(mails[0].subject).toBe('“Participatory budgeting 2026” was updated.');
		expect(mails[0].text).toContain('/en/processes/bugetare-2026');
		expect(await listOutbox({ to: digest.email })).toHaveLength(0);
		expect(await listOutbox({ to: off.email })).toHaveLength(0);
		const rows = await db.select().from(notifications);
		expect(rows.filter((r) => r.emailedAt !== null).map((r) => r.userId)).toEqual([instant.id]);
	});

	it('does not e-mail an unconfirmed address, and skips deleted accounts', async () => {
		const { db } = database();
		const unconfirmed = await createPerson(db, { emailVerified: false });
		const gone = await createPerson(db);
		await db.update(user).set({ deletedAt: new Date() }).where(eq(user.id, gone.id));
		const result = await notify(db, { userIds: [unconfirmed.id, gone.id], key: KEY, data: { title } });
		expect(result).toEqual({ created: 1, emailed: 0 });
		expect(await listOutbox({ to: unconfirmed.email })).toHaveLength(0);
	});

	it('refuses an unknown message key (a bug, not a silent blank notification)', async () => {
		const { db } = database();
		const p = await createPerson(db);
		await expect(notify(db, { userIds: [p.id], key: 'no_such_key' })).rejects.toThrow(/unknown message key/);
	});
});

describe('the daily digest', () => {
	it('sends one e-mail per person with their unread, not yet e-mailed notifications, then marks them', async () => {
		const { db } = database();
		const ana = await createPerson(db, { emailMode: 'digest', locale: 'hu', name: 'Ana' });
		const dan = await createPerson(db, { emailMode: 'digest', name: 'Dan' });
		const ion = await createPerson(db, { emailMode: 'instant' });
		await notify(db, { userIds: [ana.id, dan.id, ion.id], key: KEY, data: { title: { ro: 'Primul' } } });
		await notify(db, { userIds: [ana.id], key: KEY, data: { title: { ro: 'Al doilea' } }, link: '/processes/x' });
		await notify(db, { userIds: [dan.id], key: KEY, data: { title: { ro: 'Deja citit' } } });
		const danActor = await actorOf(db, dan.id);
		const danRows = await db.select().from(notifications).where(eq(notifications.userId, dan.id));
		const alreadyRead = danRows.find((r) => (r.data.title as { ro: string }).ro === 'Deja citit')!;
		await markNotificationRead(danActor, alreadyRead.id);
		const before = (await listOutbox()).length;

		expect(await sendDigest(db)).toEqual({ people: 2, notifications: 3 });

		const anaMail = await listOutbox({ to: ana.email });
		expect(anaMail).toHaveLength(1);
		expect(anaMail[0].subject).toBe('Újdonságaid a Vocea oldalon: 2 értesítés');
		expect(anaMail[0].text).toContain('Primul');
		expect(anaMail[0].text).toContain('Al doilea');
		expect(anaMail[0].text).toContain('/hu/processes/x');
		const danMail = await listOutbox({ to: dan.email });
		expect(danMail).toHaveLength(1);
		expect(danMail[0].text).not.toContain('Deja citit');
		// The instant person already had theirs; the digest does not repeat it.
		expect((await listOutbox()).length - before).toBe(2);
		const pending = await db.select().from(notifications).where(eq(notifications.userId, ana.id));
		expect(pending.every((n) => n.emailedAt !== null)).toBe(true);

		expect(await sendDigest(db)).toEqual({ people: 0, notifications: 0 });
	});

	it('leaves out notifications older than a week', async () => {
		const { db } = database();
		const p = await createPerson(db, { emailMode: 'digest' });
		await notify(db, { userIds: [p.id], key: KEY, data: { title: { ro: 'Vechi' } } });
		expect(await sendDigest(db, new Date(Date.now() + 8 * 24 * 3600 * 1000))).toEqual({
			people: 0,
			notifications: 0
		});
	});
});

describe('reading notifications', () => {
	it('lists unread first, newest first, and marks one or all as read', async () => {
		const { db } = database();
		const p = await createPerson(db, { locale: 'en' });
		const other = await createPerson(db);
		const me = await actorOf(db, p.id);
		for (const t of ['one', 'two', 'three'])
			await notify(db, { userIds: [p.id], key: KEY, data: { title: { ro: t } } });
		const [theirs] = await db
			.insert(notifications)
			.values({ userId: other.id, key: KEY, data: { title: 'x' } })
			.returning();
		let list = await listNotifications(me, { locale: 'en' });
		expect(list.items.map((i) => i.text)).toEqual(['“three” was updated.', '“two” was updated.', '“one” was updated.']);
		expect(list.unread).toBe(3);

		await markNotificationRead(me, list.items[0].id);
		list = await listNotifications(me, { locale: 'en' });
		expect(list.items.map((i) => [i.text, i.read])).toEqual([
			['“two” was updated.', false],
			['“one” was updated.', false],
			['“three” was updated.', true]
		]);
		await expect(markNotificationRead(me, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(markNotificationRead(anonymous(), theirs.id)).rejects.toBeInstanceOf(ForbiddenError);

		expect(await markAllNotificationsRead(me)).toEqual({ ok: true, value: { count: 2 } });
		expect(await unreadCount(db, p.id)).toBe(0);
		expect(await unreadCount(db, other.id)).toBe(1);
	});

	it('saves the e-mail preference and rejects an unknown one', async () => {
		const { db } = database();
		const p = await createPerson(db);
		const me = await actorOf(db, p.id);
		expect(await setEmailMode(me, { emailMode: 'weekly' })).toEqual({
			ok: false,
			errors: { emailMode: 'notifications_email_mode_required' }
		});
		expect((await setEmailMode(me, { emailMode: 'digest' })).ok).toBe(true);
		expect((await listNotifications(me, { locale: 'ro' })).emailMode).toBe('digest');
		await expect(setEmailMode(anonymous(), { emailMode: 'off' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('follows', () => {
	it('a person follows a published process, is notified of its events, and can stop', async () => {
		const { db } = database();
		const spaceId = await createSpace('published');
		const space = { resourceType: 'space', resourceId: spaceId };
		const a = await createPerson(db);
		const b = await createPerson(db, { emailMode: 'off' });
		const actorA = await actorOf(db, a.id);
		const actorB = await actorOf(db, b.id);
		expect(await isFollowing(actorA, space)).toBe(false);
		await follow(actorA, space);
		await follow(actorA, space); // twice is fine
		await follow(actorB, space);
		expect(await isFollowing(actorA, space)).toBe(true);
		expect((await followersOf(db, space)).sort()).toEqual([a.id, b.id].sort());

		// The person who caused the event is left out.
		const sent = await notifyFollowers(db, space, KEY, { title }, `/processes/x`, { except: [b.id] });
		expect(sent).toEqual({ created: 1, emailed: 1 });
		expect(await unreadCount(db, a.id)).toBe(1);
		expect(await unreadCount(db, b.id)).toBe(0);

		await unfollow(actorA, space);
		expect(await isFollowing(actorA, space)).toBe(false);
		expect(await followersOf(db, space)).toEqual([b.id]);
	});

	it('refuses anonymous visitors, drafts, unknown records and unknown kinds', async () => {
		const { db } = database();
		const draft = await createSpace('draft');
		const me = await actorOf(db, (await createPerson(db)).id);
		await expect(follow(anonymous(), { resourceType: 'space', resourceId: draft })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(follow(me, { resourceType: 'space', resourceId: draft })).rejects.toBeInstanceOf(NotFoundError);
		await expect(follow(me, { resourceType: 'space', resourceId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(follow(me, { resourceType: 'bogus', resourceId: draft })).rejects.toBeInstanceOf(NotFoundError);
		expect(await isFollowing(anonymous(), { resourceType: 'space', resourceId: draft })).toBe(false);
	});

	it('the FollowButton form (/follow) follows, unfollows and returns to the page, or asks to sign in', async () => {
		const { db } = database();
		const spaceId = await createSpace('published');
		const me = await actorOf(db, (await createPerson(db)).id);
		const post = (actor: unknown, fields: Record<string, string>) => {
			const body = new FormData();
			for (const [k, v] of Object.entries(fields)) body.set(k, v);
			return followRoute({
				request: new Request('http://localhost/en/follow', { method: 'POST', body }),
				locals: { actor, locale: 'en' }
			} as unknown as Parameters<typeof followRoute>[0]);
		};
		const fields = { resourceType: 'space', resourceId: spaceId, returnTo: '/en/processes/x?tab=1' };
		await expect(post(me, { ...fields, intent: 'follow' })).rejects.toMatchObject({
			status: 303,
			location: `/en/processes/x?tab=1#follow-space-${spaceId}`
		});
		expect(await isFollowing(me, { resourceType: 'space', resourceId: spaceId })).toBe(true);
		await expect(post(me, { ...fields, intent: 'unfollow' })).rejects.toMatchObject({ status: 303 });
		expect(await isFollowing(me, { resourceType: 'space', resourceId: spaceId })).toBe(false);
		await expect(post(anonymous(), { ...fields, intent: 'follow' })).rejects.toMatchObject({
			status: 303,
			location: `/en/account/sign-in?next=${encodeURIComponent('/en/processes/x?tab=1')}`
		});
		// Never back to another site.
		const away = await Promise.resolve(post(me, { ...fields, returnTo: '//evil.example/x', intent: 'follow' })).catch(
			(r: { location: string }) => r
		);
		const location = (away as { location: string }).location;
		expect(location.startsWith('/en')).toBe(true);
		expect(location).not.toContain('evil.example');
	});
});
