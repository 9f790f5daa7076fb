/** Spaces (participatory processes, …), their phases, per-space roles, documents and mounted modules. */
import { index, integer, jsonb, pgTable, primaryKey, text, date, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../columns.ts';
import { user } from './auth.ts';

export const spaces = pgTable('spaces', {
	id: id(),
	/** process (more kinds later: consultation, budget edition, group). */
	kind: text().notNull().default('process'),
	slug: text().notNull().unique(),
	title: jsonb().$type<Translated>().notNull(),
	summary: jsonb().$type<Translated>().notNull(),
	description: jsonb().$type<Translated>().notNull(),
	/** Who organises it (a department, the city hall, an NGO), free text per locale. */
	organiser: jsonb().$type<Translated>().notNull(),
	/** What is decided, and by whom. */
	decides: jsonb().$type<Translated>().notNull(),
	expectedResult: jsonb().$type<Translated>().notNull(),
	coverFileId: text(),
	neighbourhoodId: text(),
	/** draft | published | archived */
	status: text().notNull().default('draft'),
	publishedAt: ts('published_at'),
	createdBy: text().references(() => user.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const phases = pgTable(
	'phases',
	{
		id: id(),
		spaceId: text()
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		position: integer().notNull(),
		title: jsonb().$type<Translated>().notNull(),
		description: jsonb().$type<Translated>().notNull(),
		/** Inclusive calendar dates in the city's time zone (Europe/Bucharest). */
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }).notNull(),
		createdAt: createdAt()
	},
	// position follows the dates (commands keep it so); not unique, so renumbering needs no juggling.
	(t) => [index().on(t.spaceId, t.position)]
);

/** The phase each space last saw as current: the phase clock compares against it to fire phaseChanged once. */
export const spaceClock = pgTable('space_clock', {
	spaceId: text()
		.primaryKey()
		.references(() => spaces.id, { onDelete: 'cascade' }),
	currentPhaseId: text(),
	changedAt: createdAt()
});

/** Per-space roles: admin, moderator, evaluator. */
export const spaceRoles = pgTable(
	'space_roles',
	{
		spaceId: text()
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.spaceId, t.userId, t.role] })]
);

export const spaceDocuments = pgTable(
	'space_documents',
	{
		id: id(),
		spaceId: text()
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		fileId: text().notNull(),
		title: jsonb().$type<Translated>().notNull(),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index().on(t.spaceId)]
);

/** A module mounted into a space, with its global settings and its settings per phase (keyed by phase id). */
export const moduleInstances = pgTable(
	'module_instances',
	{
		id: id(),
		spaceId: text()
			.notNull()
			.references(() => spaces.id, { onDelete: 'cascade' }),
		/** The module's manifest name (= folder, table prefix, URL segment). */
		kind: text().notNull(),
		title: jsonb().$type<Translated>().notNull(),
		position: integer().notNull().default(0),
		settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		phaseSettings: jsonb().$type<Record<string, Record<string, unknown>>>().notNull().default({}),
		/** action → verification a person needs for it here (overrides the manifest's default; null = none). */
		requiredVerifications: jsonb().$type<Record<string, string | null>>().notNull().default({}),
		published: boolean().notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index().on(t.spaceId)]
);
