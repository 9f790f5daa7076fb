/** Roles, departments, places (neighbourhoods, zones) and verifications attached to accounts. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../columns.ts';
import { user } from './auth.ts';

/** Platform-wide roles: admin, staff (with departments), moderator, evaluator. */
export const userRoles = pgTable(
	'user_roles',
	{
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text().notNull(),
		grantedBy: text(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.role] })]
);

/** The city's directorates; staff belong to one or more. */
export const departments = pgTable('departments', {
	id: id(),
	slug: text().notNull().unique(),
	name: jsonb().$type<Translated>().notNull(),
	email: text(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const departmentMembers = pgTable(
	'department_members',
	{
		departmentId: text()
			.notNull()
			.references(() => departments.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The head of the department: receives escalations (e.g. reports near or past their legal deadline). */
		head: boolean().notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.departmentId, t.userId] })]
);

/**
 * A zone groups neighbourhoods (e.g. a participatory-budgeting zone, a neighbourhood council's area) or has its own
 * polygon. Zones may overlap: one neighbourhood can be in a PB zone and in a council zone at once.
 */
export const zones = pgTable('zones', {
	id: id(),
	slug: text().notNull().unique(),
	name: jsonb().$type<Translated>().notNull(),
	geometry: jsonb().$type<GeoJSONGeometry>(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export type GeoJSONGeometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

export const neighbourhoods = pgTable('neighbourhoods', {
	id: id(),
	slug: text().notNull().unique(),
	name: jsonb().$type<Translated>().notNull(),
	geometry: jsonb().$type<GeoJSONGeometry>(),
	/** OpenStreetMap id of the source polygon, when seeded from OSM. */
	osmId: text(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** Which neighbourhoods make up a zone. */
export const zoneNeighbourhoods = pgTable(
	'zone_neighbourhoods',
	{
		zoneId: text()
			.notNull()
			.references(() => zones.id, { onDelete: 'cascade' }),
		neighbourhoodId: text()
			.notNull()
			.references(() => neighbourhoods.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.zoneId, t.neighbourhoodId] }), index().on(t.neighbourhoodId)]
);

/**
 * A proof attached to an account. kind: email | phone | residence | age | in_person.
 * method: link | sms | census | in_person. Never stores an ID number: only who checked, when, and the document type.
 */
export const verifications = pgTable(
	'verifications',
	{
		id: id(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text().notNull(),
		method: text().notNull(),
		verifiedBy: text().references(() => user.id, { onDelete: 'set null' }),
		documentType: text(),
		/** e.g. the phone number in E.164, the census batch id; never a national ID number. */
		detail: text(),
		createdAt: createdAt(),
		revokedAt: ts('revoked_at')
	},
	(t) => [
		index().on(t.userId),
		uniqueIndex('verifications_active_kind')
			.on(t.userId, t.kind)
			.where(sql`revoked_at IS NULL`)
	]
);

/** Hashed census identifiers imported by staff; a citizen's own identifier, hashed the same way, is matched here. */
export const censusEntries = pgTable(
	'census_entries',
	{
		hash: text().primaryKey(),
		batchId: text().notNull(),
		birthYear: integer(),
		neighbourhoodId: text(),
		claimedBy: text().references(() => user.id, { onDelete: 'set null' }),
		claimedAt: ts('claimed_at'),
		createdAt: createdAt()
	},
	(t) => [index().on(t.batchId)]
);

export const censusBatches = pgTable('census_batches', {
	id: id(),
	name: text().notNull(),
	importedBy: text().references(() => user.id, { onDelete: 'set null' }),
	rows: integer().notNull(),
	createdAt: createdAt()
});

/**
 * A one-time code sent by SMS to confirm a phone number. Only a hash of the code is kept; it expires after
 * ten minutes and allows a few wrong attempts.
 */
export const phoneCodes = pgTable(
	'phone_codes',
	{
		id: id(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** E.164, e.g. +40722123456 */
		phone: text().notNull(),
		codeHash: text().notNull(),
		attempts: integer().notNull().default(0),
		expiresAt: ts('expires_at').notNull(),
		usedAt: ts('used_at'),
		createdAt: createdAt()
	},
	(t) => [index().on(t.userId)]
);
