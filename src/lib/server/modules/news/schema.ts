/** Tables of the `news` module: announcements of a process, published now or at a chosen time. */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { files } from '../../platform/db/schema/platform.ts';
import { user } from '../../platform/db/schema/auth.ts';

export const newsPosts = pgTable(
	'news_posts',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		title: jsonb().$type<Translated>().notNull(),
		/** Markdown per locale; rendered and sanitised on display. */
		body: jsonb().$type<Translated>().notNull(),
		imageFileId: text().references(() => files.id, { onDelete: 'set null' }),
		imageAlt: jsonb().$type<Translated>(),
		pinned: boolean().notNull().default(false),
		/** When it becomes public; null = a draft. A future date schedules it. */
		publishAt: ts('publish_at'),
		/**
		 * When followers were told. Set once by whoever claims it first (the command or the scheduler), so a post is
		 * never announced twice even when both run at the same moment.
		 */
		announcedAt: ts('announced_at'),
		createdBy: text().references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index().on(t.moduleId, t.pinned, t.publishAt),
		// The scheduler's scan: published but not yet announced.
		index('news_posts_unannounced_idx')
			.on(t.publishAt)
			.where(sql`${t.announcedAt} IS NULL AND ${t.publishAt} IS NOT NULL`)
	]
);
