/**
 * Tables of the `budgets` module (participatory budgeting): an edition's zones with their pots, project ideas and
 * their public eligibility / evaluation / appeal decisions, the voter roll and the ballot box (stored apart, see
 * docs/ballot-secrecy.md), paper-ballot double entry at desks, results per zone, and implementation tracking.
 * One module instance is one edition; the process's phases carry the stage (settings.ts).
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
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
import { createdAt, id, ts, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { departments, neighbourhoods, zones } from '../../platform/db/schema/people.ts';
import { files } from '../../platform/db/schema/platform.ts';
import { user } from '../../platform/db/schema/auth.ts';

const moduleRef = () =>
	text()
		.notNull()
		.references(() => moduleInstances.id, { onDelete: 'cascade' });

/**
 * A pot of an edition: city-wide (`zoneId` null) or for one platform zone (a set of neighbourhoods or a polygon).
 * Money is whole lei.
 */
export const budgetsZones = pgTable(
	'budgets_zones',
	{
		id: id(),
		moduleId: moduleRef(),
		/** The platform zone this pot is for; null = the city-wide pot. */
		zoneId: text().references(() => zones.id, { onDelete: 'restrict' }),
		/** Short code used in ballot files and project codes, e.g. `Z3`; unique per edition. */
		code: text().notNull(),
		name: jsonb().$type<Translated>().notNull(),
		budget: bigint({ mode: 'number' }).notNull(),
		/** Highest cost one project of this pot may have (null = the pot's budget). */
		maxProjectCost: bigint({ mode: 'number' }),
		/** Fewest eligible projects the pot must have on the ballot (the commission's target). */
		minEligibleProjects: integer().notNull().default(0),
		/** Residents, for turnout as a share of population (null = unknown). */
		population: integer(),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex().on(t.moduleId, t.code),
		index().on(t.moduleId, t.position),
		check('budgets_zones_budget_positive', sql`${t.budget} > 0`)
	]
);

/** Categories of one edition (mobility, green spaces, …), named by staff in every locale. */
export const budgetsCategories = pgTable(
	'budgets_categories',
	{
		id: id(),
		moduleId: moduleRef(),
		name: jsonb().$type<Translated>().notNull(),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index().on(t.moduleId, t.position)]
);

/**
 * A project idea and, once admitted, a project on the ballot; once funded, a result tracked to completion.
 * eligibility: pending | eligible | ineligible (the commission); evaluation: pending | feasible | unfeasible
 * (departments, with the city's own cost estimate); a project is on the ballot when eligible and feasible.
 */
export const budgetsProjects = pgTable(
	'budgets_projects',
	{
		id: id(),
		moduleId: moduleRef(),
		zoneId: text()
			.notNull()
			.references(() => budgetsZones.id, { onDelete: 'restrict' }),
		/** Stable public code within the edition (`Z3-07`): the project id in ballot files. */
		code: text().notNull(),
		/** Null once the author's account is deleted (or for projects staff entered). */
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		/** citizen | organisation | company */
		authorKind: text().notNull().default('citizen'),
		title: text().notNull(),
		/** Markdown written by the author; sanitised when rendered. */
		body: text().notNull(),
		categoryId: text().references(() => budgetsCategories.id, { onDelete: 'set null' }),
		neighbourhoodId: text().references(() => neighbourhoods.id, { onDelete: 'set null' }),
		address: text(),
		latitude: doublePrecision(),
		longitude: doublePrecision(),
		/** The author's estimate, in lei. */
		estimatedCost: bigint({ mode: 'number' }).notNull(),
		/** The city's estimate after evaluation, in lei; replaces the author's wherever a cost is used. */
		cityCost: bigint({ mode: 'number' }),
		eligibility: text().notNull().default('pending'),
		eligibilityReason: text(),
		evaluation: text().notNull().default('pending'),
		evaluationReason: text(),
		/** The department that evaluates and, if funded, builds it. */
		departmentId: text().references(() => departments.id, { onDelete: 'set null' }),
		withdrawnAt: ts('withdrawn_at'),
		/** Votes (or points) counted at close; null before results. */
		votes: integer(),
		/** Set at close: true funded, false not funded; null before results. */
		funded: boolean(),
		/** Implementation (funded projects): not_started | design | procurement | works | completed | cancelled */
		implementationStatus: text(),
		/** 0–100 */
		progress: integer(),
		/** Money spent so far, in lei. */
		spent: bigint({ mode: 'number' }),
		/** A key the create form carries, so a repeated submission returns the first idea instead of a copy. */
		submissionKey: text(),
		editedAt: ts('edited_at'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex().on(t.moduleId, t.code),
		index().on(t.moduleId, t.zoneId),
		index().on(t.authorId),
		uniqueIndex().on(t.authorId, t.submissionKey),
		check('budgets_projects_cost_positive', sql`${t.estimatedCost} > 0`)
	]
);

/** Photos (cleaned on upload) and attachments (PDF) of a project. */
export const budgetsProjectFiles = pgTable(
	'budgets_project_files',
	{
		projectId: text()
			.notNull()
			.references(() => budgetsProjects.id, { onDelete: 'cascade' }),
		fileId: text()
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		/** photo | attachment */
		kind: text().notNull(),
		position: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.projectId, t.fileId] }), index().on(t.fileId)]
);

/**
 * The public log of every decision on a project: eligibility, evaluation, appeal lodged, appeal decided, cost
 * changed. Reasons are public; who decided is recorded (staff are accountable), the author is notified.
 */
export const budgetsDecisions = pgTable(
	'budgets_decisions',
	{
		id: id(),
		projectId: text()
			.notNull()
			.references(() => budgetsProjects.id, { onDelete: 'cascade' }),
		/** eligibility | evaluation | appeal | appeal_decision */
		kind: text().notNull(),
		/** eligible | ineligible | feasible | unfeasible | lodged | upheld | dismissed */
		outcome: text().notNull(),
		reason: text(),
		/** The city's cost estimate set by an evaluation, in lei. */
		cost: bigint({ mode: 'number' }),
		decidedBy: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index().on(t.projectId, t.createdAt)]
);

/**
 * An author's appeal against an eligibility or evaluation decision, lodged within the appeals window; staff decide
 * it with a reason. One open appeal per project (the partial unique index).
 */
export const budgetsAppeals = pgTable(
	'budgets_appeals',
	{
		id: id(),
		projectId: text()
			.notNull()
			.references(() => budgetsProjects.id, { onDelete: 'cascade' }),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		/** The decision appealed against. */
		decisionId: text()
			.notNull()
			.references(() => budgetsDecisions.id, { onDelete: 'cascade' }),
		text: text().notNull(),
		/** pending | upheld (the project is admitted) | dismissed */
		status: text().notNull().default('pending'),
		decisionReason: text(),
		decidedBy: text().references(() => user.id, { onDelete: 'set null' }),
		decidedAt: ts('decided_at'),
		createdAt: createdAt()
	},
	(t) => [
		index().on(t.projectId),
		uniqueIndex('budgets_appeals_one_pending')
			.on(t.projectId)
			.where(sql`status = 'pending'`)
	]
);

/** A voting desk (a place where staff verify people in person, assist them and collect paper ballots). */
export const budgetsDesks = pgTable(
	'budgets_desks',
	{
		id: id(),
		moduleId: moduleRef(),
		name: text().notNull(),
		address: text(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.moduleId)]
);

/**
 * The voter roll: who voted in an edition, on which channel and when — never what. The primary key makes a second
 * entry for one person impossible whatever the channel. No column refers to the ballot box.
 */
export const budgetsVoters = pgTable(
	'budgets_voters',
	{
		moduleId: moduleRef(),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** online | assisted | paper */
		channel: text().notNull(),
		deskId: text().references(() => budgetsDesks.id, { onDelete: 'set null' }),
		/** The staff member who verified the person at a desk (assisted and paper channels). */
		staffId: text().references(() => user.id, { onDelete: 'set null' }),
		/** How many times the person cast (1 + changes); turnout counts people, not casts. */
		casts: integer().notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.moduleId, t.userId] }), index().on(t.moduleId, t.channel)]
);

/**
 * The ballot box: what was voted, never by whom. No user id, no timestamp, random ids. `receiptHash` is
 * sha256(receipt code): the voter checks their ballot in the published file with the code; `changeKey` is
 * sha256(receipt code + ':' + user id), so only the holder of the receipt who is also its voter can replace it.
 * A replaced ballot is deleted in the same transaction that inserts its successor.
 */
export const budgetsBallots = pgTable(
	'budgets_ballots',
	{
		id: id(),
		moduleId: moduleRef(),
		/** online | assisted | paper */
		channel: text().notNull(),
		deskId: text().references(() => budgetsDesks.id, { onDelete: 'set null' }),
		/**
		 * The choices per pot: [{ zoneId, projectIds: [...] }] for approval/knapsack, with `points` (cumulative) or
		 * the order (ranking) kept in projectIds order.
		 */
		choices: jsonb().$type<BallotChoice[]>().notNull(),
		receiptHash: text().notNull(),
		/** Null for paper ballots (they are never replaced online). */
		changeKey: text(),
		/** The voter id of this ballot in the published Pabulib files (derived from the receipt, not the person). */
		publicId: text().notNull()
	},
	(t) => [
		index().on(t.moduleId),
		uniqueIndex().on(t.receiptHash),
		uniqueIndex().on(t.moduleId, t.publicId),
		uniqueIndex().on(t.changeKey)
	]
);

export type BallotChoice = { zoneId: string; projectIds: string[]; points?: number[] };

/**
 * A paper ballot as typed by one staff member. Each paper ballot (by the serial printed on it) is entered twice, by
 * two different people; when both entries agree it goes into the ballot box (or, if both say invalid, into the
 * rejected-ballot report); a mismatch is flagged for a supervisor.
 */
export const budgetsPaperEntries = pgTable(
	'budgets_paper_entries',
	{
		id: id(),
		moduleId: moduleRef(),
		deskId: text()
			.notNull()
			.references(() => budgetsDesks.id, { onDelete: 'restrict' }),
		serial: text().notNull(),
		/** 1 or 2 */
		entry: integer().notNull(),
		enteredBy: text().references(() => user.id, { onDelete: 'set null' }),
		choices: jsonb().$type<BallotChoice[]>().notNull(),
		/** Why the paper ballot is invalid (unreadable, too many choices, …), or null. */
		invalidReason: text(),
		/** pending (waiting for the second entry) | accepted | rejected (invalid) | mismatch | resolved */
		status: text().notNull().default('pending'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.moduleId, t.serial, t.entry), index().on(t.moduleId, t.status)]
);

/**
 * The result of one pot, computed at close by the edition's rule with the PB engine: what was funded, the engine's
 * explanations, and the published ballots file with its SHA-256 digest (fixed at close).
 */
export const budgetsResults = pgTable(
	'budgets_results',
	{
		zoneId: text()
			.primaryKey()
			.references(() => budgetsZones.id, { onDelete: 'cascade' }),
		moduleId: moduleRef(),
		rule: text().notNull(),
		tieBreak: text().notNull(),
		/** Project codes funded, in selection order. */
		funded: jsonb().$type<string[]>().notNull(),
		/** The engine's outcome JSON (explanations, totals), translated when shown. */
		outcome: jsonb().$type<Record<string, unknown>>().notNull(),
		/** Leftover money and what the edition's leftover rule did with it. */
		leftover: bigint({ mode: 'number' }).notNull(),
		leftoverAction: text(),
		ballotsFile: text().notNull(),
		ballotsSha256: text().notNull(),
		ballots: integer().notNull(),
		computedAt: timestamp({ withTimezone: true }).defaultNow().notNull()
	},
	(t) => [index().on(t.moduleId)]
);

/** Timeline of a funded project's implementation: status, progress, money spent, a text and photos. */
export const budgetsProgress = pgTable(
	'budgets_progress',
	{
		id: id(),
		projectId: text()
			.notNull()
			.references(() => budgetsProjects.id, { onDelete: 'cascade' }),
		status: text().notNull(),
		progress: integer().notNull(),
		spent: bigint({ mode: 'number' }),
		text: jsonb().$type<Translated>().notNull(),
		photoFileIds: jsonb().$type<string[]>().notNull().default([]),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		/** A key the staff form carries, so a repeated submission adds (and announces) the entry only once. */
		submissionKey: text(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.projectId, t.createdAt), uniqueIndex().on(t.projectId, t.submissionKey)]
);
