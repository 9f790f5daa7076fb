/** What pages show of comments: a thread page with what the actor may do, the edit and report forms, the moderation views. */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { isUser, type Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { commentReports, commentVersions, spaces, user } from '../db/schema.ts';
import type { Translated } from '../db/columns.ts';
import { authorize } from '../permissions/index.ts';
import { NotFoundError } from '../result.ts';
import { excerpt, renderCommentBody } from './body.ts';
import { resolveTarget } from './commentables.ts';
import { commentContext } from './context.ts';
import {
	canBlock,
	canDelete,
	canEdit,
	canModerate,
	canReport,
	canSeeModerationQueue,
	canVote,
	canWrite
} from './policy.ts';
import {
	countsOf,
	countThreads,
	isBlocked,
	listBlocks,
	moderationQueue,
	openReportsOf,
	reportedBy,
	repliesOf,
	threadPage,
	votesBy,
	type CommentRow
} from './queries.ts';
import { commentOrders, THREADS_PER_PAGE, type CommentOrder } from './settings.ts';
import { nestReplies } from './threading.ts';
import type { CommentsData, CommentView } from '#lib/modules/comments/types.ts';

export type { CommentView, CommentsData };

const parseOrder = (v: string | null): CommentOrder =>
	commentOrders.includes(v as CommentOrder) ? (v as CommentOrder) : 'oldest';

/**
 * One page of a resource's comment threads (20 top-level comments with their replies), as the actor may see them.
 * Reads `comments_page` and `comments_order` from the page's URL. `{ visible: false }` when comments are not readable.
 */
export async function viewComments(
	actor: Actor,
	{ resourceType, resourceId, url }: { resourceType: string; resourceId: string; url: URL | string }
): Promise<CommentsData | { visible: false }> {
	const db = await getDb();
	const target = await resolveTarget(db, actor, resourceType, resourceId);
	if (!target) throw new NotFoundError('resource');
	if (!target.canRead.allowed) return { visible: false };
	const u = typeof url === 'string' ? new URL(url, 'http://vocea.invalid') : url;
	const order = parseOrder(u.searchParams.get('comments_order'));
	const blocked = isUser(actor) ? await isBlocked(db, actor.id) : false;
	const moderator = canModerate(actor, target.spaceId).allowed;
	const [counts, threadCount] = await Promise.all([
		countsOf(db, resourceType, resourceId),
		countThreads(db, resourceType, resourceId)
	]);
	const pageCount = Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE));
	const page = Math.min(pageCount, Math.max(1, Math.floor(Number(u.searchParams.get('comments_page')) || 1)));
	const roots = await threadPage(db, {
		resourceType,
		resourceId,
		order,
		offset: (page - 1) * THREADS_PER_PAGE,
		limit: THREADS_PER_PAGE
	});
	const replies = await repliesOf(
		db,
		roots.map((r) => r.comment.id)
	);
	const ids = [...roots, ...replies].map((r) => r.comment.id);
	const [votes, reports] = isUser(actor)
		? await Promise.all([votesBy(db, actor.id, ids), reportedBy(db, actor.id, ids)])
		: [new Map<string, number>(), new Set<string>()];
	const write = canWrite(actor, target, blocked);
	const toView = (r: { comment: CommentRow; authorName: string | null; authorDeleted: Date | null }) => {
		const c = r.comment;
		const mine = isUser(actor) && c.authorId === actor.id;
		const state = c.deletedAt ? 'deleted' : c.status === 'hidden' ? 'hidden' : 'visible';
		// Hidden text stays readable for moderators (to decide) and for its author (to understand why).
		const readable = state === 'visible' || (state === 'hidden' && (moderator || mine));
		return {
			id: c.id,
			depth: c.depth,
			parentId: c.parentId,
			authorName: c.authorId && !r.authorDeleted ? r.authorName : null,
			mine,
			alignment: c.alignment,
			state,
			html: readable ? renderCommentBody(c.body, c.mentions) : '',
			hiddenReason: state === 'hidden' && (moderator || mine) ? c.hiddenReason : null,
			createdAt: c.createdAt.toISOString(),
			editedAt: c.editedAt?.toISOString() ?? null,
			upVotes: c.upVotes,
			downVotes: c.downVotes,
			myVote: votes.get(c.id) ?? 0,
			reportedByMe: reports.has(c.id),
			openReports: moderator ? c.openReports : 0,
			may: {
				reply: write.allowed && state === 'visible',
				edit: canEdit(actor, target, c, blocked).allowed,
				delete: canDelete(actor, target, c).allowed,
				vote: canVote(actor, target, c, blocked).allowed,
				report: canReport(actor, target, c).allowed && !reports.has(c.id),
				moderate: moderator
			}
		} satisfies Omit<CommentView, 'replies'>;
	};
	const threads = nestReplies(roots.map(toView), replies.map(toView)) as unknown as CommentView[];
	// `?reply=<id>` opens the reply form of that one comment (a form per comment tripled a long thread's HTML);
	// forms return to the page without it.
	const back = new URL(u.pathname + u.search, 'http://vocea.invalid');
	back.searchParams.delete('reply');
	const replyTo = u.searchParams.get('reply');
	return {
		visible: true,
		resourceType,
		resourceId,
		returnTo: back.pathname + back.search,
		replyTo: replyTo && ids.includes(replyTo) ? replyTo : null,
		order,
		page,
		pageCount,
		counts,
		signedIn: isUser(actor),
		canComment: write.allowed,
		reason: write.allowed ? null : (write as { reason: string }).reason,
		moderator,
		threads
	};
}

/** The edit form of one's own comment. */
export async function viewCommentForEdit(actor: Actor, commentId: string) {
	const db = await getDb();
	const { comment, target, blocked } = await commentContext(db, actor, commentId);
	authorize(canEdit(actor, target, comment, blocked));
	return {
		comment: { id: comment.id, body: comment.body, alignment: comment.alignment },
		target: { title: target.title, url: target.url }
	};
}

/** The report form. */
export async function viewCommentForReport(actor: Actor, commentId: string) {
	const db = await getDb();
	const { comment, target } = await commentContext(db, actor, commentId);
	authorize(canReport(actor, target, comment));
	return {
		comment: { id: comment.id, html: renderCommentBody(comment.body, comment.mentions) },
		target: { title: target.title, url: target.url }
	};
}

/** One comment as a moderator sees it: text, earlier versions, reports, and whether its author is blocked. */
export async function viewCommentForModeration(actor: Actor, commentId: string) {
	const db = await getDb();
	const { comment, target } = await commentContext(db, actor, commentId);
	authorize(canModerate(actor, comment.spaceId));
	const [versions, reports, authorBlocked] = await Promise.all([
		db
			.select({
				body: commentVersions.body,
				alignment: commentVersions.alignment,
				writtenAt: commentVersions.writtenAt
			})
			.from(commentVersions)
			.where(eq(commentVersions.commentId, commentId))
			.orderBy(desc(commentVersions.createdAt)),
		db
			.select({
				reason: commentReports.reason,
				details: commentReports.details,
				resolution: commentReports.resolution,
				createdAt: commentReports.createdAt
			})
			.from(commentReports)
			.where(eq(commentReports.commentId, commentId))
			.orderBy(asc(commentReports.createdAt)),
		comment.authorId ? isBlocked(db, comment.authorId) : Promise.resolve(false)
	]);
	return {
		comment: {
			id: comment.id,
			authorId: comment.authorId,
			html: renderCommentBody(comment.body, comment.mentions),
			alignment: comment.alignment,
			status: comment.status,
			autoHidden: comment.autoHidden,
			hiddenReason: comment.hiddenReason,
			deleted: comment.deletedAt !== null,
			openReports: comment.openReports,
			createdAt: comment.createdAt.toISOString(),
			editedAt: comment.editedAt?.toISOString() ?? null
		},
		authorName: comment.authorId ? await authorName(comment.authorId) : null,
		authorBlocked,
		mayBlock: canBlock(actor).allowed && comment.authorId !== null,
		// Space moderators without a platform role moderate from the thread; the queue is in the admin area.
		mayOpenQueue: canBlock(actor).allowed,
		target: { title: target.title, url: target.url },
		versions: versions.map((v) => ({ ...v, writtenAt: v.writtenAt.toISOString(), html: renderCommentBody(v.body) })),
		reports: reports.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
	};
}

async function authorName(userId: string): Promise<string | null> {
	const db = await getDb();
	const [u] = await db.select({ name: user.name, deletedAt: user.deletedAt }).from(user).where(eq(user.id, userId));
	return u && !u.deletedAt ? u.name : null;
}

const QUEUE_PAGE = 50;

/** The moderation queue: reported and hidden comments of the spaces the actor moderates, filterable by space. */
export async function viewModerationQueue(
	actor: Actor,
	{ spaceId, page = 1 }: { spaceId?: string | null; page?: number }
) {
	authorize(canSeeModerationQueue(actor));
	const db = await getDb();
	const platformWide = canBlock(actor).allowed;
	const mine = isUser(actor)
		? Object.entries(actor.spaceRoles)
				.filter(([, roles]) => roles.includes('moderator') || roles.includes('admin'))
				.map(([id]) => id)
		: [];
	const allowedSpaces = platformWide ? null : mine;
	if (spaceId && allowedSpaces && !allowedSpaces.includes(spaceId)) authorize(canModerate(actor, spaceId));
	const spaceIds = spaceId ? [spaceId] : allowedSpaces;
	const current = Math.max(1, Math.floor(page) || 1);
	const { rows, total } = await moderationQueue(db, {
		spaceIds,
		limit: QUEUE_PAGE,
		offset: (current - 1) * QUEUE_PAGE
	});
	const reports = await openReportsOf(
		db,
		rows.map((r) => r.comment.id)
	);
	const spaceRows = await db
		.select({ id: spaces.id, title: spaces.title })
		.from(spaces)
		.where(allowedSpaces ? inArray(spaces.id, allowedSpaces.length ? allowedSpaces : ['']) : undefined)
		.orderBy(asc(spaces.slug));
	const targets = new Map<string, { title: Translated; url: string } | null>();
	for (const r of rows) {
		const key = `${r.comment.resourceType}:${r.comment.resourceId}`;
		if (!targets.has(key)) {
			const t = await resolveTarget(db, actor, r.comment.resourceType, r.comment.resourceId);
			targets.set(key, t ? { title: t.title, url: t.url } : null);
		}
	}
	return {
		spaceId: spaceId ?? null,
		spaces: spaceRows,
		page: current,
		pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE)),
		total,
		mayBlock: platformWide,
		items: rows.map((r) => {
			const c = r.comment;
			const mine = reports.filter((x) => x.commentId === c.id);
			return {
				id: c.id,
				authorName: c.authorId && !r.authorDeleted ? r.authorName : null,
				excerpt: excerpt(c.body, 200),
				status: c.status,
				autoHidden: c.autoHidden,
				deleted: c.deletedAt !== null,
				openReports: c.openReports,
				createdAt: c.createdAt.toISOString(),
				target: targets.get(`${c.resourceType}:${c.resourceId}`) ?? null,
				reasons: mine.map((x) => ({ reason: x.reason, details: x.details }))
			};
		})
	};
}

/** People blocked from commenting. */
export async function viewCommentBlocks(actor: Actor) {
	authorize(canBlock(actor));
	const db = await getDb();
	return (await listBlocks(db)).map((b) => ({ ...b, createdAt: b.createdAt.toISOString() }));
}
