/**
 * Tables of the `reports` module (problem reporting, sesizări): the category tree staff configure (each leaf routed to
 * a department, with its extra questions = Open311 attributes), reports with their place and legal deadlines, the
 * public timeline and internal notes, photos, "me too" supports, area subscriptions and the Open311 API keys.
 * A city mounts one reports module (in a permanent space); `/reports` and `/open311/v2` serve that instance.
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	point,
	primaryKey,
	text,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { departments, neighbourhoods } from '../../platform/db/schema/people.ts';
import { files } from '../../platform/db/schema/platform.ts';
import { user } from '../../platform/db/schema/auth.ts';
import { openStates, reportStates, type ReportState } from '../../../modules/reports/states.ts';

const moduleRef = () =>
	text()
		.notNull()
		.references(() => moduleInstances.id, { onDelete: 'cascade' });

/** Datatypes of a category's extra question: exactly Open311's attribute datatypes. */
export const questionDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionDatatype = (typeof questionDatatypes)[number];

/** An extra question a category asks ("is it dangerous?"); served as an Open311 service-definition attribute. */
export interface ReportQuestion {
	/** Unique within the category; the Open311 attribute `code` (letters, digits, `_`). */
	code: string;
	datatype: QuestionDatatype;
	required: boolean;
	/** The question shown to the person (Open311 `description`). */
	label: Translated;
	/** Help under the question (Open311 `datatype_description`). */
	help?: Translated;
	/** For list types: the options (Open311 `values[]`: key + name). */
	values?: { key: string; name: Translated }[];
}

/**
 * The category tree: a group (no department) or a leaf routed to a department. `code` is the Open311 `service_code`
 * and never changes once reports use it.
 */
export const reportsCategories = pgTable(
	'reports_categories',
	{
		id: id(),
		moduleId: moduleRef(),
		parentId: text(),
		code: text().notNull(),
		name: jsonb().$type<Translated>().notNull(),
		description: jsonb().$type<Translated>().notNull().default({ ro: '' }),
		/** Where reports of this category go; required on a leaf, null on a group. */
		departmentId: text().references(() => departments.id, { onDelete: 'restrict' }),
		questions: jsonb().$type<ReportQuestion[]>().notNull().default([]),
		/** Open311 `keywords` (comma-separated). */
		keywords: text().notNull().default(''),
		/** Inactive categories stay on old reports but are not offered to new ones. */
		active: boolean().notNull().default(true),
		position: integer().notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex().on(t.moduleId, t.code), index().on(t.moduleId, t.parentId, t.position)]
);

/** The states of a report: one list, shared with the pages (src/lib/modules/reports/states.ts). */
export { reportStates, type ReportState };

/**
 * The open states as the SQL list the partial indexes on reports are declared with (rules.ts `openStates`); queries
 * that filter open reports with the same states (written in or as parameters) can use those indexes.
 */
export const OPEN_STATES_SQL = `(${openStates.map((s) => `'${s}'`).join(', ')})`;

/** Where a report came in: the web form, the Open311 API, or staff entering one received by phone or on paper. */
export const reportChannels = ['web', 'open311', 'staff'] as const;
export type ReportChannel = (typeof reportChannels)[number];

/**
 * A report (sesizare). `number` is the registration number given at once (shown as e.g. `TM-2026-000123`; the
 * Open311 `service_request_id`). The place is a point (WGS84, `location` = point(long, lat), GiST-indexed: core
 * PostgreSQL, so the same on PGlite) and/or an address with a neighbourhood. Identity: `authorId` when signed in,
 * else the contact given on the form; with no contact at all it is an anonymous notice (`anonymousNotice`), which
 * gets no legal answer. Contact fields are private (never public, never in open data).
 */
export const reportsReports = pgTable(
	'reports_reports',
	{
		id: id(),
		number: integer().generatedAlwaysAsIdentity().notNull().unique(),
		moduleId: moduleRef(),
		categoryId: text()
			.notNull()
			.references(() => reportsCategories.id, { onDelete: 'restrict' }),
		departmentId: text()
			.notNull()
			.references(() => departments.id, { onDelete: 'restrict' }),
		assigneeId: text().references(() => user.id, { onDelete: 'set null' }),
		state: text().$type<ReportState>().notNull().default('new'),
		/** A short title (the form proposes "category — street"); Open311 clients that send none get the category. */
		title: text().notNull(),
		description: text().notNull(),
		lat: doublePrecision(),
		lng: doublePrecision(),
		location: point({ mode: 'xy' }),
		address: text(),
		neighbourhoodId: text().references(() => neighbourhoods.id, { onDelete: 'set null' }),
		/** Answers to the category's questions: code → value (a list for multivaluelist). */
		answers: jsonb().$type<Record<string, string | string[]>>().notNull().default({}),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		/** Name, e-mail and phone given by someone not signed in (private). */
		contactName: text(),
		contactEmail: text(),
		contactPhone: text(),
		/** The reporter chose to show their name on the public page. */
		showName: boolean().notNull().default(false),
		/** No identity and no contact: an anonymous notice, labelled as one that gets no legal answer. */
		anonymousNotice: boolean().notNull().default(false),
		/** The language the report was made in: e-mails to a reporter without an account use it. */
		locale: text().notNull().default('ro'),
		channel: text().$type<ReportChannel>().notNull().default('web'),
		/** The Open311 API key a report came through. */
		apiKeyId: text(),
		/** Open311 token (tokens/{token}); random, unique. */
		token: text().notNull().unique(),
		/** The legal answer date (OG 27/2002: 30 days from registration), and the extended one (+ up to 15 days). */
		dueOn: date({ mode: 'string' }),
		extendedDueOn: date({ mode: 'string' }),
		extensionReason: text(),
		/** For duplicate: the report kept; for not_responsible / forwarded: the outside body. */
		duplicateOfId: text(),
		responsibleBody: text(),
		forwardedAt: ts('forwarded_at'),
		/** Why it cannot be fixed / why it is closed, shown publicly. */
		stateReason: text(),
		supportersCount: integer().notNull().default(0),
		/** Moderation: hidden from the public (with the reason in the audit log). */
		hiddenAt: ts('hidden_at'),
		firstAnsweredAt: ts('first_answered_at'),
		fixedAt: ts('fixed_at'),
		closedAt: ts('closed_at'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('reports_reports_location_gist').using('gist', t.location),
		index().on(t.moduleId, t.state, t.createdAt),
		index().on(t.departmentId, t.state, t.dueOn),
		index().on(t.categoryId, t.createdAt),
		index().on(t.neighbourhoodId, t.createdAt),
		index().on(t.authorId),
		index().on(t.assigneeId),
		// The public map and Open311 lists ask for the visible (open) reports in a box, written as lat/lng ranges: the
		// planner estimates ranges from statistics (a `<@ box` is always guessed at 0.1 %), so a city-wide box walks
		// the newest open reports and stops, a street-sized one reads its strip of the (module, lat, lng) index, and
		// the map's grid clusters are index-only scans. Checked with EXPLAIN on PostgreSQL and PGlite (bench/reports).
		index('reports_reports_open_lat_lng')
			.on(t.moduleId, t.lat, t.lng)
			.where(sql.raw(`"state" IN ${OPEN_STATES_SQL} AND "hidden_at" IS NULL`)),
		index('reports_reports_visible_lat_lng').on(t.moduleId, t.lat, t.lng).where(sql.raw(`"hidden_at" IS NULL`)),
		index('reports_reports_open_created_at')
			.on(t.moduleId, t.createdAt)
			.where(sql.raw(`"state" IN ${OPEN_STATES_SQL} AND "hidden_at" IS NULL`)),
		// The browse list with no filter: the newest visible reports, read from the end of this index instead of
		// sorting every report on each page view.
		index('reports_reports_visible_created_at')
			.on(t.moduleId, t.createdAt, t.number)
			.where(sql.raw(`"hidden_at" IS NULL`)),
		check('reports_reports_lat_lng', sql`(${t.lat} IS NULL) = (${t.lng} IS NULL)`),
		check('reports_reports_place', sql`${t.lat} IS NOT NULL OR ${t.address} IS NOT NULL`)
	]
);

/**
 * The timeline of a report: public updates (text, optional photos, a state change) that the reporter and followers
 * receive, internal notes that stay with staff, and system entries (registered, re-routed, merged, extended).
 * `externalId` is the Open311 client's `update_id` (FMS `servicerequestupdates`), unique per API key.
 */
export const reportsUpdates = pgTable(
	'reports_updates',
	{
		id: id(),
		reportId: text()
			.notNull()
			.references(() => reportsReports.id, { onDelete: 'cascade' }),
		/** public | internal | system */
		kind: text().$type<'public' | 'internal' | 'system'>().notNull(),
		authorId: text().references(() => user.id, { onDelete: 'set null' }),
		fromState: text().$type<ReportState>(),
		toState: text().$type<ReportState>(),
		/** A message key for system entries (with `data`), free text otherwise. */
		text: text().notNull().default(''),
		data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		apiKeyId: text(),
		externalId: text(),
		createdAt: createdAt()
	},
	(t) => [index().on(t.reportId, t.createdAt), uniqueIndex().on(t.apiKeyId, t.externalId), index().on(t.createdAt)]
);

/** Photos of a report (`updateId` null) or of an update; at most the module's limit per report. */
export const reportsPhotos = pgTable(
	'reports_photos',
	{
		id: id(),
		reportId: text()
			.notNull()
			.references(() => reportsReports.id, { onDelete: 'cascade' }),
		updateId: text().references(() => reportsUpdates.id, { onDelete: 'cascade' }),
		fileId: text()
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		position: integer().notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index().on(t.reportId), uniqueIndex().on(t.fileId)]
);

/** "Me too": a person who has the same problem supports the report instead of filing a new one (once). */
export const reportsSupports = pgTable(
	'reports_supports',
	{
		reportId: text()
			.notNull()
			.references(() => reportsReports.id, { onDelete: 'cascade' }),
		userId: text()
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.userId] }), index().on(t.userId)]
);

/**
 * An area subscription: new reports in a neighbourhood, or within `radiusMeters` of a point (an address), by e-mail
 * (a signed-in person) and as an RSS/Atom feed addressed by `token`.
 */
export const reportsSubscriptions = pgTable(
	'reports_subscriptions',
	{
		id: id(),
		moduleId: moduleRef(),
		userId: text().references(() => user.id, { onDelete: 'cascade' }),
		neighbourhoodId: text().references(() => neighbourhoods.id, { onDelete: 'cascade' }),
		lat: doublePrecision(),
		lng: doublePrecision(),
		radiusMeters: integer(),
		/** The address as typed, to show the subscription back. */
		label: text(),
		email: boolean().notNull().default(true),
		token: text().notNull().unique(),
		createdAt: createdAt()
	},
	(t) => [
		index().on(t.neighbourhoodId),
		index().on(t.userId),
		check(
			'reports_subscriptions_area',
			sql`${t.neighbourhoodId} IS NOT NULL OR (${t.lat} IS NOT NULL AND ${t.lng} IS NOT NULL AND ${t.radiusMeters} > 0)`
		)
	]
);

/** Open311 API keys issued by administrators; only a SHA-256 of the key is stored (shown once on creation). */
export const reportsApiKeys = pgTable('reports_api_keys', {
	id: id(),
	name: text().notNull(),
	/** The first characters, to recognise a key in the list. */
	prefix: text().notNull(),
	keyHash: text().notNull().unique(),
	createdBy: text().references(() => user.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	lastUsedAt: ts('last_used_at'),
	revokedAt: ts('revoked_at')
});

/**
 * Deadline reminders already sent (reminders.ts): one per report, kind and answer date, so a rerun of the job never
 * repeats one, and an extension (a new date) earns a fresh "due soon".
 */
export const reportsReminders = pgTable(
	'reports_reminders',
	{
		reportId: text()
			.notNull()
			.references(() => reportsReports.id, { onDelete: 'cascade' }),
		/** due_soon | overdue */
		kind: text().$type<'due_soon' | 'overdue'>().notNull(),
		dueOn: date({ mode: 'string' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.reportId, t.kind, t.dueOn] })]
);
