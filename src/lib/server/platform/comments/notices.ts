/**
 * Who hears about a new comment: the mentioned people, the author of the comment replied to, the resource's authors
 * and its followers; each person once (the most specific reason wins), never the writer. Sent after the commit.
 */
import type { Db } from '../db/index.ts';
import { followersOf } from '../notifications/follows.ts';
import { notify } from '../notifications/notify.ts';
import type { CommentTarget } from './commentables.ts';
import { commentLink } from './context.ts';

export const commentNotificationKeys = [
	'comments_notification_mention',
	'comments_notification_reply',
	'comments_notification_new',
	'comments_notification_hidden'
] as const;

export async function noticeNewComment(
	db: Db,
	{
		target,
		resource,
		commentId,
		writerId,
		writerName,
		mentionedIds,
		repliedToAuthorId
	}: {
		target: CommentTarget;
		resource: { resourceType: string; resourceId: string };
		commentId: string;
		writerId: string;
		writerName: string;
		mentionedIds: string[];
		repliedToAuthorId: string | null;
	}
): Promise<void> {
	const told = new Set<string>([writerId]);
	const link = commentLink(target, commentId);
	const data = { author: writerName, title: target.title };
	const send = async (key: (typeof commentNotificationKeys)[number], ids: (string | null)[]) => {
		const userIds = [...new Set(ids.filter((id): id is string => !!id && !told.has(id)))];
		for (const id of userIds) told.add(id);
		if (userIds.length) await notify(db, { userIds, key, data, link });
	};
	await send('comments_notification_mention', mentionedIds);
	await send('comments_notification_reply', [repliedToAuthorId]);
	await send('comments_notification_new', [...target.authorIds, ...(await followersOf(db, resource))]);
}

/** Only newly mentioned people hear about an edit. */
export async function noticeMentions(
	db: Db,
	{
		target,
		commentId,
		writerId,
		writerName,
		userIds
	}: { target: CommentTarget; commentId: string; writerId: string; writerName: string; userIds: string[] }
): Promise<void> {
	const ids = userIds.filter((id) => id !== writerId);
	if (!ids.length) return;
	await notify(db, {
		userIds: ids,
		key: 'comments_notification_mention',
		data: { author: writerName, title: target.title },
		link: commentLink(target, commentId)
	});
}
