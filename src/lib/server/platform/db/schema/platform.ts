/** Cross-cutting tables: audit log, notifications and follows, search documents, files, rate limits, outbox. */
import { sql, type SQL } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, tsvector, updatedAt } from '../columns.ts';
import { user } from './auth.ts';

/** Who did what to which record, when and from where. Kept when an account is deleted (actor id is kept, PII is not). */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		actorId: text(),
		/** e.g. 'space.publish', 'user.grant_role' */
		action: text().notNull(),
		resourceType: text().notNull(),
		resourceId: text(),
		spaceId: text(),
		ip: text(),
		userAgent: text(),
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index().on(t.createdAt), index().on(t.actorId), index().on(t.resourceType, t.resourceId)]
);

/** An in-app notification for one person; e-mail delivery is tracked on it (instant or digest). */
export const notifications = pgTable(
	'notifications',
	{
		id: id(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** Message key, e.g. 'processes.phase_changed' */
		key: text().notNull(),
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		link: text(),
		readAt: ts('read_at'),
		emailedAt: ts('emailed_at'),
		createdAt: createdAt()
	},
	(t) => [index().on(t.userId, t.readAt), index().on(t.emailedAt)]
);

/** A person follows a resource (a space, a proposal…) and receives its events. */
export const follows = pgTable(
	'follows',
	{
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		resourceType: text().notNull(),
		resourceId: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.resourceType, t.resourceId] }), index().on(t.resourceType, t.resourceId)]
);

/**
 * One searchable document per resource and locale. `search` is generated with the accent-folding Romanian config
 * (set up in bootstrap.sql); a trigram index on the folded title gives typo tolerance.
 */
export const searchDocuments = pgTable(
	'search_documents',
	{
		id: id(),
		resourceType: text().notNull(),
		resourceId: text().notNull(),
		locale: text().notNull().default('ro'),
		spaceId: text(),
		title: text().notNull(),
		body: text().notNull().default(''),
		url: text().notNull(),
		/** public | staff */
		visibility: text().notNull().default('public'),
		search: tsvector().generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('ro_unaccent'::regconfig, coalesce(${searchDocuments.title}, '')), 'A') || setweight(to_tsvector('ro_unaccent'::regconfig, coalesce(${searchDocuments.body}, '')), 'D')`
		),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex().on(t.resourceType, t.resourceId, t.locale),
		index('search_documents_search_idx').using('gin', t.search),
		index('search_documents_title_trgm_idx').using('gin', sql`f_unaccent(lower(${t.title})) gin_trgm_ops`),
		// Typo tolerance in bodies: trigrams of the folded start of the body (FUZZY_BODY_CHARS, in search-site.ts).
		index('search_documents_body_trgm_idx').using('gin', sql`f_unaccent(lower(left(${t.body}, 2000))) gin_trgm_ops`)
	]
);

/** An uploaded file's metadata; the bytes live in the storage backend (local folder or S3). */
export const files = pgTable('files', {
	id: id(),
	ownerId: text().references(() => user.id, { onDelete: 'set null' }),
	storageKey: text().notNull().unique(),
	originalName: text().notNull(),
	mimeType: text().notNull(),
	size: integer().notNull(),
	width: integer(),
	height: integer(),
	createdAt: createdAt()
});

/** Fixed-window counters shared by all app processes (sign-in, sign-up, reset, SMS). */
export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text().notNull(),
		windowStart: ts('window_start').notNull(),
		count: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] })]
);

/** Messages recorded by the development mailer and SMS gateway; readable by tests and, in demo mode, by admins. */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		/** email | sms */
		channel: text().notNull(),
		to: text().notNull(),
		subject: text(),
		text: text().notNull(),
		html: text(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.to)]
);
