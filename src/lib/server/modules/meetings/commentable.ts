/** How the platform's comments, follows and files see a meeting (registered at import time of manifest.ts). */
import type { CommentTarget } from '../../platform/comments/index.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import type { AnyModule } from '../../platform/modules/define-module.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { allow, deny } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { eq } from 'drizzle-orm';
import { meetingWithSpace, meetingUrl } from './queries.ts';
import { meetingsMeetings } from './schema.ts';
import type { MeetingsPhaseSettings } from './settings.ts';

async function loadTarget(db: Db, manifest: AnyModule, meetingId: string) {
	const row = await meetingWithSpace(db, meetingId);
	if (!row) return null;
	try {
		return { row, ...(await loadModule(db, manifest, row.meeting.moduleId)) };
	} catch (err) {
		if (err instanceof NotFoundError) return null;
		throw err;
	}
}

export const meetingCommentTarget =
	(manifest: AnyModule) =>
	async (db: Db, actor: Actor, meetingId: string): Promise<CommentTarget | null> => {
		const loaded = await loadTarget(db, manifest, meetingId);
		if (!loaded) return null;
		const { row, ctx } = loaded;
		const staff = can(actor, 'manage', ctx, manifest).allowed;
		if (row.meeting.status === 'draft' && !staff) return null;
		const read = can(actor, 'read', ctx, manifest);
		const hidden = (ctx.phaseSettings as MeetingsPhaseSettings).comments === 'hidden' && !staff;
		return {
			spaceId: row.spaceId,
			moduleId: row.meeting.moduleId,
			title: row.meeting.title,
			url: meetingUrl(row.spaceSlug, row.meeting.moduleId, row.meeting.id),
			authorIds: [],
			canRead: !read.allowed ? read : hidden ? deny('meetings_comments_hidden') : allow,
			canComment: !read.allowed
				? read
				: row.meeting.status === 'cancelled'
					? deny('meetings_comments_cancelled')
					: can(actor, 'comment', ctx, manifest)
		};
	};

/** A meeting may be followed once it is published in a public process. */
export const meetingFollowable = (manifest: AnyModule) => async (db: Db, meetingId: string) => {
	const loaded = await loadTarget(db, manifest, meetingId);
	return !!loaded && loaded.row.public && loaded.row.meeting.status !== 'draft';
};

/** The minutes document of a meeting is public once the meeting is announced in a public process. */
export async function meetingFileUses(db: Db, fileId: string) {
	const rows = await db
		.select({ id: meetingsMeetings.id })
		.from(meetingsMeetings)
		.where(eq(meetingsMeetings.minutesFileId, fileId));
	const uses = [];
	for (const { id } of rows) {
		const row = await meetingWithSpace(db, id);
		if (row) uses.push({ spaceId: row.spaceId, public: row.public && row.meeting.status !== 'draft' });
	}
	return uses;
}
