/** Links between resources of any module (a proposal discussed at a meeting, a proposal that became a budget project). */
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns.ts';

export const resourceLinks = pgTable(
	'resource_links',
	{
		id: id(),
		fromType: text().notNull(),
		fromId: text().notNull(),
		toType: text().notNull(),
		toId: text().notNull(),
		/** e.g. 'discussed_at', 'became' */
		kind: text().notNull(),
		// Kept as a plain id (no foreign key): links outlive anonymised accounts.
		createdBy: text(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.fromType, t.fromId, t.toType, t.toId, t.kind), index().on(t.toType, t.toId)]
);
