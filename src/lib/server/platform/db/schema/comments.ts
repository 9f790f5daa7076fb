/** Comments on any resource (proposals, meetings, consultations…): threads, versions, votes, reports, blocks, counts. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from '../columns.ts';
import { user } from './auth.ts';

/** A person mentioned in a comment: the name is the one written, kept so the text still reads after renames. */
export type CommentMention = { userId: string; name: string };

export const comments = pgTable(
	'comments',
	{
		id: id(),
		/** What the comment is about: any registered commentable type (e.g. 'proposal') and its id. */
		resourceType: text().notNull(),
		resourceId: text().notNull(),
		spaceId: text(),
		moduleId: text(),
		/** null for a top-level comment. */
		parentId: text(),
		/** The top-level comment of the thread (itself for a top-level one): replies of a page load in one query. */
		rootId: text().notNull(),
		/** 1 (top level) to 3; a reply to a depth-3 comment attaches at depth 3 under the same parent. */
		depth: smallint().notNull(),
		// Set to null when the account is anonymised: the text stays, the author becomes "deleted account".
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		/** for | against | neutral */
		alignment: text().notNull().default('neutral'),
		body: text().notNull(),
		mentions: jsonb().$type<CommentMention[]>().notNull().default([]),
		/** visible | hidden (by a moderator, or automatically after too many reports) */
		status: text().notNull().default('visible'),
		hiddenReason: text(),
		hiddenAt: ts('hidden_at'),
		hiddenBy: text(),
		autoHidden: boolean().notNull().default(false),
		/** Deleted by its author: kept as a placeholder while it has replies. */
		deletedAt: ts('deleted_at'),
		editedAt: ts('edited_at'),
		upVotes: integer().notNull().default(0),
		downVotes: integer().notNull().default(0),
		/** Direct replies (for placeholders and "n replies"). */
		replyCount: integer().notNull().default(0),
		/** Reports not yet dealt with by a moderator. */
		openReports: integer().notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		// Pages of top-level comments, oldest/newest and most voted, without touching the replies.
		index('comments_threads_created_idx')
			.on(t.resourceType, t.resourceId, t.createdAt)
			.where(sql`${t.parentId} is null`),
		index('comments_threads_votes_idx')
			.on(t.resourceType, t.resourceId, sql`(${t.upVotes} - ${t.downVotes}) desc`, t.createdAt)
			.where(sql`${t.parentId} is null`),
		index('comments_root_idx').on(t.rootId, t.createdAt),
		index('comments_parent_idx').on(t.parentId),
		index('comments_author_idx').on(t.authorId),
		// The moderation queue: only the few comments with open reports or hidden.
		index('comments_moderation_idx')
			.on(t.spaceId, t.updatedAt)
			.where(sql`${t.openReports} > 0 or ${t.status} = 'hidden'`)
	]
);

/** Earlier texts of an edited comment, for moderators. */
export const commentVersions = pgTable(
	'comment_versions',
	{
		id: id(),
		commentId: text()
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		body: text().notNull(),
		alignment: text().notNull(),
		/** When this text was written (the comment's creation or previous edit). */
		writtenAt: ts('written_at').notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.commentId, t.createdAt)]
);

/** One vote per person and comment: +1 or -1. */
export const commentVotes = pgTable(
	'comment_votes',
	{
		commentId: text()
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		value: smallint().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.commentId, t.userId] }), index().on(t.userId)]
);

/** A report of a comment by a person (one per person and comment), until a moderator resolves it. */
export const commentReports = pgTable(
	'comment_reports',
	{
		id: id(),
		commentId: text()
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		// Kept null after anonymisation: the report still counts, the reporter is forgotten.
		userId: text().references(() => user.id, { onDelete: 'set null' }),
		/** spam | offensive | off_topic | other */
		reason: text().notNull(),
		details: text().notNull().default(''),
		/** null while open; hidden | dismissed | restored once a moderator decided */
		resolution: text(),
		resolvedAt: ts('resolved_at'),
		resolvedBy: text(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.commentId, t.userId), index().on(t.userId)]
);

/** People who may not comment anywhere, who blocked them, when and why (unblocking deletes the row; the audit log keeps it). */
export const commentBlocks = pgTable('comment_blocks', {
	userId: text()
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	reason: text().notNull(),
	blockedBy: text(),
	createdAt: createdAt()
});

/** Counts per resource, kept in the transaction that changes them, so lists and pages never count rows. */
export const commentCounts = pgTable(
	'comment_counts',
	{
		resourceType: text().notNull(),
		resourceId: text().notNull(),
		/** Comments readable by everyone (not deleted, not hidden). */
		total: integer().notNull().default(0),
		forCount: integer().notNull().default(0),
		againstCount: integer().notNull().default(0),
		neutralCount: integer().notNull().default(0),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.resourceType, t.resourceId] })]
);
