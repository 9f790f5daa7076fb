/** Tables of the `proposals` module: proposals, their categories, custom answer states, files, supports, evaluation
 * and the public history of each proposal. */
import { sql, type SQL } from 'drizzle-orm';
import {
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { createdAt, id, tsvector, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { neighbourhoods } from '../../platform/db/schema/people.ts';
import { files } from '../../platform/db/schema/platform.ts';
import { user } from '../../platform/db/schema/auth.ts';

/** Categories of one module instance, named by staff in every locale. */
export const proposalsCategories = pgTable(
	'proposals_categories',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		name: jsonb().$type<Translated>().notNull(),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index().on(t.moduleId, t.position)]
);

/** Answer states a module adds to the built-in ones (evaluating, accepted, rejected), with a colour. */
export const proposalsStates = pgTable(
	'proposals_states',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		name: jsonb().$type<Translated>().notNull(),
		/** Background colour of the state's tag, `#rrggbb`; the text colour is chosen for contrast. */
		colour: text().notNull(),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index().on(t.moduleId, t.position)]
);

export const proposalsProposals = pgTable(
	'proposals_proposals',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		/** Null once the author's account is deleted: the proposal stays, by "deleted account". */
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		title: text().notNull(),
		/** Markdown written by the author; sanitised when rendered. */
		body: text().notNull(),
		categoryId: text().references(() => proposalsCategories.id, { onDelete: 'set null' }),
		neighbourhoodId: text().references(() => neighbourhoods.id, { onDelete: 'set null' }),
		address: text(),
		latitude: doublePrecision(),
		longitude: doublePrecision(),
		/** published (not answered yet) | evaluating | accepted | rejected | custom (see customStateId) */
		state: text().notNull().default('published'),
		customStateId: text().references(() => proposalsStates.id, { onDelete: 'set null' }),
		/** The official answer, written by staff, per locale. */
		answer: jsonb().$type<Translated>(),
		answeredAt: timestamp({ withTimezone: true }),
		/** Cost estimate of the official answer, in lei. */
		costEstimate: integer(),
		/** Kept in the same transaction as the supports table, so lists never count rows. */
		supportsCount: integer().notNull().default(0),
		withdrawnAt: timestamp({ withTimezone: true }),
		editedAt: timestamp({ withTimezone: true }),
		/** A key the create form carries, so a repeated submission returns the first proposal instead of a copy. */
		submissionKey: text(),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		search: tsvector().generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('ro_unaccent'::regconfig, coalesce(${proposalsProposals.title}, '')), 'A') || setweight(to_tsvector('ro_unaccent'::regconfig, coalesce(${proposalsProposals.body}, '')), 'D')`
		)
	},
	(t) => [
		index().on(t.moduleId, t.createdAt),
		// The public list counts and pages the proposals that are not withdrawn: an index-only scan of this partial
		// index instead of a sequential scan of every row with its body (bench/participation, docs/PERFORMANCE.md).
		index('proposals_proposals_listed_idx')
			.on(t.moduleId, t.createdAt)
			.where(sql`${t.withdrawnAt} is null`),
		index().on(t.moduleId, t.supportsCount, t.createdAt),
		index().on(t.moduleId, t.neighbourhoodId),
		index().on(t.moduleId, t.categoryId),
		index().on(t.moduleId, t.state),
		index().on(t.authorId),
		uniqueIndex().on(t.authorId, t.submissionKey),
		index().using('gin', t.search)
	]
);

/** Photos (images, cleaned on upload) and attachments (PDF) of a proposal. */
export const proposalsFiles = pgTable(
	'proposals_files',
	{
		proposalId: text()
			.notNull()
			.references(() => proposalsProposals.id, { onDelete: 'cascade' }),
		fileId: text()
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		/** photo | attachment */
		kind: text().notNull(),
		position: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.fileId] }), index().on(t.fileId)]
);

/** One support per person and proposal (the primary key makes a double support impossible). */
export const proposalsSupports = pgTable(
	'proposals_supports',
	{
		proposalId: text()
			.notNull()
			.references(() => proposalsProposals.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** Denormalised so the per-person limit is one indexed count. */
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index().on(t.moduleId, t.userId), index().on(t.userId)]
);

/** Evaluators assigned to a proposal by staff. */
export const proposalsEvaluators = pgTable(
	'proposals_evaluators',
	{
		proposalId: text()
			.notNull()
			.references(() => proposalsProposals.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index().on(t.userId)]
);

/** Private notes of evaluators and staff on a proposal (never public, never exported as open data). */
export const proposalsNotes = pgTable(
	'proposals_notes',
	{
		id: id(),
		proposalId: text()
			.notNull()
			.references(() => proposalsProposals.id, { onDelete: 'cascade' }),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		body: text().notNull(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.proposalId, t.createdAt)]
);

/** The public history of a proposal: created, edited, withdrawn, answered, state changed, linked… */
export const proposalsEvents = pgTable(
	'proposals_events',
	{
		id: id(),
		proposalId: text()
			.notNull()
			.references(() => proposalsProposals.id, { onDelete: 'cascade' }),
		/** created | edited | withdrawn | qualified | answered | linked */
		kind: text().notNull(),
		/** Public details only (state, cost, link target); never who did it beyond the author. */
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index().on(t.proposalId, t.createdAt)]
);
