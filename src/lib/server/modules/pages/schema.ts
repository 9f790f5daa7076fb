/** Tables of the `pages` module: static information pages inside a mounted module instance. */
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { user } from '../../platform/db/schema/auth.ts';

export const pagesPages = pgTable(
	'pages_pages',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		/** URL segment, unique within the module instance. */
		slug: text().notNull(),
		position: integer().notNull().default(0),
		title: jsonb().$type<Translated>().notNull(),
		/** Markdown per locale; rendered and sanitised on display. */
		body: jsonb().$type<Translated>().notNull(),
		createdBy: text().references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex().on(t.moduleId, t.slug), index().on(t.moduleId, t.position)]
);
