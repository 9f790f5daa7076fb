import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, insertPerson } from '../../../../../tests/support/people.ts';
import { anonymous, type Actor, type UserActor } from '../actors/actor.ts';
import {
	auditLog,
	commentCounts,
	commentReports,
	comments,
	commentVersions,
	commentVotes,
	follows,
	notifications
} from '../db/schema.ts';
import { ForbiddenError } from '../result.ts';
import {
	blockUser,
	createComment,
	deleteComment,
	dismissReports,
	editComment,
	hideComment,
	reportComment,
	restoreComment,
	unblockUser,
	viewCommentForModeration,
	viewComments,
	viewModerationQueue,
	voteComment,
	type CommentsData,
	type CommentView
} from './index.ts';
import { anonymizeComments, commentsPersonalData } from './personal-data.ts';
import { seedComments } from './seed.ts';
import { testItem } from './test-commentable.ts';

const database = useTestDatabase();
const db = () => database().db;

const citizen = async (name: string) =>
	(await actorOf(await insertPerson(`${name.toLowerCase().replace(/\W+/g, '.')}@example.ro`, { name }))) as UserActor;
const moderatorActor = async () =>
	actorOf(await insertPerson('moderator@example.ro', { roles: ['moderator'], name: 'Moderator' }));

async function write(
	actor: Actor,
	ref: { resourceType: string; resourceId: string; parentId?: string },
	body: string,
	alignment = 'neutral'
) {
	const r = await createComment(actor, ref, { body, alignment });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value.id;
}

async function view(actor: Actor, resource: { resourceType: string; resourceId: string }, query = '') {
	const data = await viewComments(actor, { ...resource, url: `/test-items/${resource.resourceId}${query}` });
	if (!data.visible) throw new Error('comments not visible');
	return data as CommentsData;
}

const flat = (threads: CommentView[]): CommentView[] => threads.flatMap((t) => [t, ...flat(t.replies)]);
const inbox = async (userId: string) =>
	(await db().select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.key).sort();
const row = async (id: string) => (await db().select().from(comments).where(eq(comments.id, id)))[0];
const counts = async (resourceId: string) =>
	(await db().select().from(commentCounts).where(eq(commentCounts.resourceId, resourceId)))[0];

describe('writing comments', () => {
	it('threads replies to depth 3, counts alignments and tells the people concerned, never the writer', async () => {
		const ana = await citizen('Ana Popescu');
		const bogdan = await citizen('Bogdan Ilie');
		const author = await citizen('Carmen Dobre');
		const follower = await citizen('Dan Marin');
		const r = testItem({ authorIds: [author.id as string] });
		const resource = { resourceType: r.resourceType, resourceId: r.resourceId };
		await db()
			.insert(follows)
			.values({ userId: follower.id, ...resource });

		const top = await write(ana, resource, 'Sunt de acord, piața are nevoie de umbră.', 'for');
		const second = await write(
			bogdan,
			{ ...resource, parentId: top },
			'@Ana Popescu nu, pierdem locuri de parcare.',
			'against'
		);
		const third = await write(ana, { ...resource, parentId: second }, 'Parcarea subterană e la 200 m.');
		const fourth = await write(bogdan, { ...resource, parentId: third }, 'Doar în weekend.');

		expect(await row(top)).toMatchObject({ depth: 1, parentId: null, rootId: top, replyCount: 1 });
		expect(await row(second)).toMatchObject({ depth: 2, parentId: top, rootId: top });
		expect(await row(third)).toMatchObject({ depth: 3, parentId: second, rootId: top, replyCount: 0 });
		// A reply to a depth-3 comment sits beside it.
		expect(await row(fourth)).toMatchObject({ depth: 3, parentId: second, rootId: top });
		expect(await row(second)).toMatchObject({
			replyCount: 2,
			mentions: [{ userId: ana.id, name: 'Ana Popescu' }]
		});
		expect(await counts(r.resourceId)).toMatchObject({ total: 4, forCount: 1, againstCount: 1, neutralCount: 2 });

		const page = await view(anonymous(), resource);
		expect(page.counts).toEqual({ total: 4, for: 1, against: 1, neutral: 2 });
		expect(page.threads).toHaveLength(1);
		expect(page.threads[0].replies[0].replies.map((c) => c.id)).toEqual([third, fourth]);
		expect(page.threads[0].replies[0].html).toContain('<strong class="mention">@Ana Popescu</strong>');

		const anaId = ana.id;
		const bogdanId = bogdan.id;
		// Ana: mentioned by Bogdan's reply (the mention wins over "reply"), then replied to by Bogdan's depth-3 reply.
		expect(await inbox(anaId)).toEqual(['comments_notification_mention', 'comments_notification_reply']);
		expect(await inbox(bogdanId)).toEqual(['comments_notification_reply']);
		expect(await inbox(author.id)).toEqual(Array(4).fill('comments_notification_new'));
		expect(await inbox(follower.id)).toEqual(Array(4).fill('comments_notification_new'));
	});

	it('refuses an empty or too long text with a clear error, and writes nothing', async () => {
		const ana = await citizen('Ana');
		const r = testItem();
		expect(await createComment(ana, r, { body: '   \n ' })).toEqual({
			ok: false,
			errors: { body: 'comments_error_body_required' }
		});
		expect(await createComment(ana, r, { body: 'x'.repeat(4001) })).toEqual({
			ok: false,
			errors: { body: 'comments_error_body_too_long' }
		});
		expect(await createComment(ana, r, { body: 'Bun', alignment: 'maybe' })).toEqual({
			ok: false,
			errors: { alignment: 'comments_error_alignment' }
		});
		expect(await db().select().from(comments)).toEqual([]);
	});

	it('limits how many comments one person writes in ten minutes', async () => {
		const ana = await citizen('Ana');
		const r = testItem();
		for (let i = 0; i < 20; i++) await write(ana, r, `Comentariul ${i}`);
		expect(await createComment(ana, r, { body: 'Încă unul' })).toEqual({
			ok: false,
			errors: { _form: 'comments_error_rate_limited' }
		});
	});
});

describe('editing and deleting', () => {
	it('keeps earlier versions for moderators, marks the comment edited and moves the alignment count', async () => {
		const ana = await citizen('Ana Popescu');
		const bogdan = await citizen('Bogdan Ilie');
		const r = testItem();
		await write(bogdan, r, 'Salut');
		const id = await write(ana, r, 'Prima versiune', 'for');
		const edited = await editComment(ana, id, { body: 'A doua versiune, @Bogdan Ilie', alignment: 'against' });
		expect(edited.ok).toBe(true);
		expect(await row(id)).toMatchObject({ body: 'A doua versiune, @Bogdan Ilie', alignment: 'against' });
		expect((await row(id)).editedAt).not.toBeNull();
		expect(await counts(r.resourceId)).toMatchObject({ total: 2, forCount: 0, againstCount: 1, neutralCount: 1 });
		const versions = await db().select().from(commentVersions).where(eq(commentVersions.commentId, id));
		expect(versions.map((v) => [v.body, v.alignment])).toEqual([['Prima versiune', 'for']]);
		// Only the newly mentioned person hears about the edit, and only once.
		await editComment(ana, id, { body: 'A treia versiune, @Bogdan Ilie', alignment: 'against' });
		expect(await inbox(bogdan.id)).toEqual(['comments_notification_mention']);
		const moderator = await moderatorActor();
		const mod = await viewCommentForModeration(moderator, id);
		expect(mod.versions.map((v) => v.html)).toEqual(['<p>A doua versiune, @Bogdan Ilie</p>', '<p>Prima versiune</p>']);
		await expect(editComment(bogdan, id, { body: 'Nu e al meu' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('leaves a placeholder for a deleted comment with replies, and removes one without (with its deleted parent)', async () => {
		const ana = await citizen('Ana');
		const bogdan = await citizen('Bogdan');
		const r = testItem();
		const top = await write(ana, r, 'Întrebare', 'for');
		const reply = await write(bogdan, { ...r, parentId: top }, 'Răspuns');
		await deleteComment(ana, top);
		let page = await view(anonymous(), r);
		expect(page.threads.map((t) => [t.state, t.html, t.authorName])).toEqual([['deleted', '', 'Ana']]);
		expect(page.threads[0].replies.map((c) => c.id)).toEqual([reply]);
		expect(page.counts.total).toBe(1);
		expect((await row(top)).body).toBe('');
		await deleteComment(bogdan, reply);
		page = await view(anonymous(), r);
		expect(page.threads).toEqual([]);
		expect(page.counts).toEqual({ total: 0, for: 0, against: 0, neutral: 0 });
		await expect(deleteComment(bogdan, reply)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('votes', () => {
	it('counts one vote per person, which can change or be taken back', async () => {
		const ana = await citizen('Ana');
		const bogdan = await citizen('Bogdan');
		const r = testItem();
		const id = await write(ana, r, 'Propun mai mulți copaci');
		await voteComment(bogdan, id, 'up');
		expect(await row(id)).toMatchObject({ upVotes: 1, downVotes: 0 });
		await voteComment(bogdan, id, 'down');
		expect(await row(id)).toMatchObject({ upVotes: 0, downVotes: 1 });
		await voteComment(bogdan, id, 'none');
		expect(await row(id)).toMatchObject({ upVotes: 0, downVotes: 0 });
		expect(await db().select().from(commentVotes)).toEqual([]);
		await expect(voteComment(ana, id, 'up')).rejects.toBeInstanceOf(ForbiddenError);
		expect(await voteComment(bogdan, id, 'sideways')).toEqual({ ok: false, errors: { vote: 'comments_error_vote' } });
	});

	it('never doubles when the same person votes twice at once', async () => {
		const ana = await citizen('Ana');
		const bogdan = await citizen('Bogdan');
		const r = testItem();
		const id = await write(ana, r, 'Propun mai mulți copaci');
		await Promise.all([voteComment(bogdan, id, 'up'), voteComment(bogdan, id, 'up'), voteComment(bogdan, id, 'up')]);
		expect(await row(id)).toMatchObject({ upVotes: 1, downVotes: 0 });
		expect(await db().select().from(commentVotes)).toHaveLength(1);
	});

	it('orders threads by votes on request and paginates 20 top-level comments per page', async () => {
		const writers = await Promise.all(['Ana', 'Bogdan', 'Carmen'].map((n) => citizen(n)));
		const voter = await citizen('Victor');
		const r = testItem();
		const ids: string[] = [];
		for (let i = 0; i < 45; i++) ids.push(await write(writers[i % 3], r, `Comentariul ${i}`));
		await voteComment(voter, ids[30], 'up');
		const first = await view(anonymous(), r);
		expect([first.page, first.pageCount, first.threads.length]).toEqual([1, 3, 20]);
		expect(first.threads[0].id).toBe(ids[0]);
		const last = await view(anonymous(), r, '?comments_page=3');
		expect(last.threads.map((t) => t.id)).toEqual(ids.slice(40));
		const voted = await view(anonymous(), r, '?comments_order=most_voted');
		expect(voted.threads[0].id).toBe(ids[30]);
		const newest = await view(anonymous(), r, '?comments_order=newest&comments_page=99');
		expect([newest.page, newest.threads[0].id]).toEqual([3, ids[4]]);
	});
});

describe('reports and moderation', () => {
	it('takes one report per person, even at once, and hides the comment after three until a moderator decides', async () => {
		const ana = await citizen('Ana');
		const reporters = await Promise.all(['Bogdan', 'Carmen', 'Dan'].map((n) => citizen(n)));
		const r = testItem();
		const id = await write(ana, r, 'Cumpărați pastile ieftine aici', 'for');
		await Promise.all([
			reportComment(reporters[0], id, { reason: 'spam' }),
			reportComment(reporters[0], id, { reason: 'spam' })
		]);
		expect(await row(id)).toMatchObject({ openReports: 1, status: 'visible' });
		expect(await reportComment(reporters[1], id, { reason: 'nonsense' })).toEqual({
			ok: false,
			errors: { reason: 'comments_error_report_reason' }
		});
		await reportComment(reporters[1], id, { reason: 'offensive', details: 'Reclamă' });
		const third = await reportComment(reporters[2], id, { reason: 'off_topic' });
		expect(third).toEqual({ ok: true, value: { reported: true, hidden: true } });
		expect(await row(id)).toMatchObject({ openReports: 3, status: 'hidden', autoHidden: true });
		expect(await counts(r.resourceId)).toMatchObject({ total: 0, forCount: 0 });
		const seen = flat((await view(anonymous(), r)).threads)[0];
		expect([seen.state, seen.html]).toEqual(['hidden', '']);
		const own = flat((await view(ana, r)).threads)[0];
		expect(own.html).toContain('pastile');
		await expect(reportComment(ana, id, { reason: 'spam' })).rejects.toBeInstanceOf(ForbiddenError);

		const moderator = await moderatorActor();
		const queue = await viewModerationQueue(moderator, {});
		expect(queue.items.map((i) => [i.id, i.openReports, i.reasons.map((x) => x.reason).sort()])).toEqual([
			[id, 3, ['off_topic', 'offensive', 'spam']]
		]);
		// The moderator decides it was fine: the automatic hide is lifted with the reports.
		await dismissReports(moderator, id);
		expect(await row(id)).toMatchObject({ openReports: 0, status: 'visible' });
		expect(await counts(r.resourceId)).toMatchObject({ total: 1, forCount: 1 });
		const resolved = await db().select().from(commentReports).where(eq(commentReports.commentId, id));
		expect(resolved.map((x) => x.resolution)).toEqual(['dismissed', 'dismissed', 'dismissed']);
		expect((await viewModerationQueue(moderator, {})).items).toEqual([]);
	});

	it('lets a moderator hide with a reason (author told, audited) and restore', async () => {
		const ana = await citizen('Ana');
		const r = testItem();
		const id = await write(ana, r, 'Text jignitor');
		const moderator = await moderatorActor();
		expect(await hideComment(moderator, id, { reason: ' ' })).toEqual({
			ok: false,
			errors: { reason: 'comments_error_reason_required' }
		});
		await hideComment(moderator, id, { reason: 'Limbaj jignitor' });
		expect(await row(id)).toMatchObject({ status: 'hidden', hiddenReason: 'Limbaj jignitor', autoHidden: false });
		expect(await inbox(ana.id)).toEqual(['comments_notification_hidden']);
		const mine = flat((await view(ana, r)).threads)[0];
		expect(mine.hiddenReason).toBe('Limbaj jignitor');
		await restoreComment(moderator, id);
		expect(await row(id)).toMatchObject({ status: 'visible', hiddenReason: null });
		const actions = await db()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.resourceType, 'comment'), eq(auditLog.resourceId, id)));
		expect(actions.map((a) => a.action).sort()).toEqual(['comment.hide', 'comment.restore']);
		await expect(hideComment(ana, id, { reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('blocks a person from commenting anywhere until unblocked', async () => {
		const ana = await citizen('Ana');
		const moderator = await moderatorActor();
		const r = testItem();
		const id = await write(ana, r, 'Primul');
		const anaId = ana.id;
		expect(await blockUser(moderator, anaId, { reason: 'Mesaje repetate' })).toEqual({
			ok: true,
			value: { blocked: true }
		});
		expect(await blockUser(moderator, anaId, { reason: 'Din nou' })).toEqual({ ok: true, value: { blocked: false } });
		await expect(createComment(ana, testItem(), { body: 'Altundeva' })).rejects.toMatchObject({
			reason: 'comments_blocked'
		});
		await expect(editComment(ana, id, { body: 'Modificat' })).rejects.toBeInstanceOf(ForbiddenError);
		expect((await view(ana, r)).reason).toBe('comments_blocked');
		await unblockUser(moderator, anaId);
		expect((await createComment(ana, r, { body: 'Din nou aici' })).ok).toBe(true);
		const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.resourceId, anaId));
		expect(actions.map((a) => a.action).sort()).toEqual(['comment.block_user', 'comment.unblock_user']);
		expect(await inbox(anaId)).toEqual(['comments_notification_blocked']);
	});
});

describe('personal data', () => {
	it('exports comments, votes and reports, and anonymises them on account deletion', async () => {
		const ana = await citizen('Ana Popescu');
		const bogdan = await citizen('Bogdan');
		const r = testItem();
		const mine = await write(ana, r, 'Textul Anei');
		const his = await write(bogdan, r, 'Salut @Ana Popescu');
		await voteComment(ana, his, 'up');
		await reportComment(ana, his, { reason: 'other', details: 'Nu e la subiect' });
		const anaId = ana.id;
		const data = await commentsPersonalData(db(), anaId);
		expect(data.comments.map((c) => c.body)).toEqual(['Textul Anei']);
		expect(data.comment_votes).toHaveLength(1);
		expect(data.comment_reports.map((c) => c.details)).toEqual(['Nu e la subiect']);

		await db().transaction((tx) => anonymizeComments(tx, anaId));
		expect(await row(mine)).toMatchObject({ authorId: null, body: 'Textul Anei' });
		expect(await row(his)).toMatchObject({ upVotes: 0, mentions: [] });
		expect(await db().select().from(commentVotes)).toEqual([]);
		const reports = await db().select().from(commentReports);
		expect(reports.map((x) => x.userId)).toEqual([null]);
		const shown = (await view(anonymous(), r)).threads.find((t) => t.id === mine);
		expect(shown?.authorName).toBeNull();
		expect(Object.values(await commentsPersonalData(db(), anaId))).toEqual([[], [], [], []]);
	});
});

describe('demo data', () => {
	it('seeds a discussion with replies and keeps the counts', async () => {
		const ana = await citizen('Ana');
		const bogdan = await citizen('Bogdan');
		const r = testItem();
		const n = await seedComments(db(), { ...r, spaceId: r.item.spaceId, moduleId: null }, [
			{
				authorId: ana.id,
				body: 'Ar trebui o trecere de pietoni lângă școală.',
				alignment: 'for',
				upVotes: 4,
				replies: [{ authorId: bogdan.id, body: 'Și un semafor.', alignment: 'for' }]
			},
			{ authorId: bogdan.id, body: 'Traficul e deja blocat.', alignment: 'against' }
		]);
		expect(n).toBe(3);
		const page = await view(anonymous(), r, '?comments_order=most_voted');
		expect(page.counts).toEqual({ total: 3, for: 2, against: 1, neutral: 0 });
		expect(page.threads.map((t) => [t.upVotes, t.replies.length])).toEqual([
			[4, 1],
			[0, 0]
		]);
	});
});

describe('space moderators', () => {
	it('see and decide on the comments of their own spaces only', async () => {
		const ana = await citizen('Ana');
		const [mine, other] = [testItem(), testItem()];
		const inMine = await write(ana, mine, 'Aici');
		const inOther = await write(ana, other, 'Altundeva');
		const local = (await actorOf(
			await insertPerson('local-moderator@example.ro', { name: 'Moderator local' })
		)) as UserActor;
		local.spaceRoles = { [mine.item.spaceId]: ['moderator'] };
		for (const id of [inMine, inOther]) {
			const other = await citizen(`Reporter ${id.slice(0, 4)}`);
			await reportComment(other, id, { reason: 'spam' });
		}
		expect((await viewModerationQueue(local, {})).items.map((i) => i.id)).toEqual([inMine]);
		await expect(viewModerationQueue(local, { spaceId: other.item.spaceId })).rejects.toBeInstanceOf(ForbiddenError);
		expect((await hideComment(local, inMine, { reason: 'Reclamă' })).ok).toBe(true);
		await expect(hideComment(local, inOther, { reason: 'Reclamă' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(blockUser(local, ana.id, { reason: 'Reclamă' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the reply form on demand', () => {
	it('opens for the comment in ?reply= only when it is on the page, and forms return without it', async () => {
		const ana = await citizen('Ana');
		const r = testItem();
		const top = await write(ana, r, 'Întrebare');
		const reply = await write(ana, { ...r, parentId: top }, 'Răspuns');
		expect((await view(ana, r)).replyTo).toBeNull();
		const open = await view(ana, r, `?comments_order=newest&reply=${reply}`);
		expect(open.replyTo).toBe(reply);
		expect(open.returnTo).toBe(`/test-items/${r.resourceId}?comments_order=newest`);
		expect((await view(ana, r, '?reply=not-a-comment-here')).replyTo).toBeNull();
	});
});
