/** Tables of the `consultations` module: Law 52/2003 consultations on draft acts, their register of
 * recommendations, public-debate requests, and the yearly report items staff enter by hand. */
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { user } from '../../platform/db/schema/auth.ts';

/** One consultation per mounted module: the announcement of a draft act and its legal dates. */
export const consultationsConsultations = pgTable('consultations_consultations', {
	id: id(),
	moduleId: text()
		.notNull()
		.unique()
		.references(() => moduleInstances.id, { onDelete: 'cascade' }),
	/** Title of the draft act, e.g. "Proiect de hotărâre privind …". */
	draftTitle: jsonb().$type<Translated>().notNull(),
	/** Referat de aprobare / notă de fundamentare (Markdown). */
	explanatoryNote: jsonb().$type<Translated>().notNull(),
	/** Impact study, "where applicable" (art. 7(3)): empty when not applicable. */
	impactStudy: jsonb().$type<Translated>().notNull(),
	/** Full text of the draft (Markdown). */
	draftText: jsonb().$type<Translated>().notNull(),
	explanatoryNoteFileId: text(),
	impactStudyFileId: text(),
	draftFileId: text(),
	/** The official responsible for the relationship with civil society (public by law). */
	contactName: text().notNull().default(''),
	contactEmail: text().notNull().default(''),
	contactPhone: text().notNull().default(''),
	/** Where paper recommendations go (registry office, address, hours). */
	postalAddress: text().notNull().default(''),
	/** Set once, on publication (Europe/Bucharest date). */
	publishedOn: date({ mode: 'string' }),
	/** Last day written recommendations are received. */
	recommendationsCloseOn: date({ mode: 'string' }),
	/** Earliest day the draft may be submitted for approval. */
	approvalOn: date({ mode: 'string' }),
	/** Why staff set a period shorter than the law's minimum (shown publicly, audit-logged). */
	shortenedReason: text(),
	/** Counter of the register: the next number is taken under the row lock, so numbers have no gaps. */
	recommendationsCount: integer().notNull().default(0),
	synthesis: jsonb().$type<Translated>(),
	synthesisPublishedAt: ts('synthesis_published_at'),
	finalActFileId: text(),
	finalActNumber: text(),
	finalActOn: date({ mode: 'string' }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** The register of recommendations (Law 52/2003 art. 7): one numbered entry per written recommendation. */
export const consultationsRecommendations = pgTable(
	'consultations_recommendations',
	{
		id: id(),
		consultationId: text()
			.notNull()
			.references(() => consultationsConsultations.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		receivedOn: date({ mode: 'string' }).notNull(),
		/** online | email | paper */
		channel: text().notNull(),
		/** Received after the window closed; kept in the register, marked. */
		late: boolean().notNull().default(false),
		authorName: text().notNull(),
		organisation: text().notNull().default(''),
		/** Private: e-mail / address / phone, staff only. */
		contact: text().notNull().default(''),
		/** The citizen who submitted online (null for paper/e-mail, or after anonymisation). */
		userId: text().references(() => user.id, { onDelete: 'set null' }),
		text: text().notNull(),
		article: text().notNull().default(''),
		/** accepted | partly_accepted | rejected (null while pending) */
		outcome: text(),
		outcomeReason: text().notNull().default(''),
		outcomeAt: ts('outcome_at'),
		enteredBy: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex().on(t.consultationId, t.number), index().on(t.userId)]
);

/** A written request for a public debate (art. 7(9)) by a verified association or authority. */
export const consultationsDebateRequests = pgTable(
	'consultations_debate_requests',
	{
		id: id(),
		consultationId: text()
			.notNull()
			.references(() => consultationsConsultations.id, { onDelete: 'cascade' }),
		requesterId: text().references(() => user.id, { onDelete: 'set null' }),
		organisationName: text().notNull(),
		organisationRegistration: text().notNull().default(''),
		reason: text().notNull().default(''),
		requestedOn: date({ mode: 'string' }).notNull(),
		/** The debate, once scheduled: when and where, and the meeting that carries registration, if any. */
		debateAt: ts('debate_at'),
		debatePlace: text(),
		meetingId: text(),
		scheduledAt: ts('scheduled_at'),
		createdAt: createdAt()
	},
	// One request per organisation account and consultation: a repeated submission is the same request.
	(t) => [uniqueIndex().on(t.consultationId, t.requesterId)]
);

/** Items of the Law 52/2003 art. 13 annual report the platform cannot know, entered by staff per year. */
export const consultationsAnnualReports = pgTable('consultations_annual_reports', {
	year: integer().primaryKey(),
	/** (c) participants in public meetings, entered by staff while meetings do not record attendance here. */
	meetingParticipants: integer(),
	/** (e) court cases for breaching the law. */
	courtCases: text().notNull().default(''),
	/** (f) own evaluation of the partnership with citizens and associations. */
	evaluation: text().notNull().default(''),
	/** (g) meetings not held in public, and why. */
	closedMeetings: text().notNull().default(''),
	updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
	updatedAt: updatedAt()
});
