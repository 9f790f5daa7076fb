/** Tables of the `meetings` module: meetings (in person, online, hybrid) and the people registered for them. */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt, type Translated } from '../../platform/db/columns.ts';
import { moduleInstances } from '../../platform/db/schema/spaces.ts';
import { user } from '../../platform/db/schema/auth.ts';

export interface AgendaItem {
	title: string;
	durationMinutes: number;
	speaker?: string;
}

export const meetingsMeetings = pgTable(
	'meetings_meetings',
	{
		id: id(),
		moduleId: text()
			.notNull()
			.references(() => moduleInstances.id, { onDelete: 'cascade' }),
		title: jsonb().$type<Translated>().notNull(),
		/** Markdown per locale. */
		description: jsonb().$type<Translated>().notNull(),
		/** in_person | online | hybrid */
		type: text().notNull().default('in_person'),
		address: text(),
		neighbourhoodId: text(),
		lat: doublePrecision(),
		lng: doublePrecision(),
		onlineUrl: text(),
		startsAt: ts('starts_at').notNull(),
		endsAt: ts('ends_at').notNull(),
		agenda: jsonb().$type<AgendaItem[]>().notNull().default([]),
		/** Seats; null = no limit. */
		capacity: integer(),
		registrationEnabled: boolean().notNull().default(true),
		registrationOpensAt: ts('registration_opens_at'),
		registrationClosesAt: ts('registration_closes_at'),
		/** A public meeting under Law 52/2003 art. 8 (announced at least 3 days before). */
		isPublic: boolean().notNull().default(true),
		/** draft | published | cancelled */
		status: text().notNull().default('draft'),
		publishedAt: ts('published_at'),
		/** Why staff published a public meeting with less than the legal notice (audit-logged too). */
		noticeOverrideReason: text(),
		cancelledAt: ts('cancelled_at'),
		cancelReason: text(),
		/** Registered people may ask to speak, stating their point (Law 52 public debates). */
		speakerRegistration: boolean().notNull().default(false),
		speakerSlots: integer(),
		speakerMinutes: integer().notNull().default(3),
		/** The published rules of the debate, Markdown per locale. */
		rules: jsonb().$type<Translated>(),
		/** Minutes after the meeting, Markdown per locale. */
		minutes: jsonb().$type<Translated>(),
		minutesFileId: text(),
		attendanceCount: integer(),
		/** iCalendar SEQUENCE: bumped on each change calendar clients must pick up. */
		sequence: integer().notNull().default(0),
		createdBy: text().references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text().references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index().on(t.moduleId, t.startsAt), index().on(t.status, t.startsAt)]
);

export const meetingsRegistrations = pgTable(
	'meetings_registrations',
	{
		id: id(),
		meetingId: text()
			.notNull()
			.references(() => meetingsMeetings.id, { onDelete: 'cascade' }),
		userId: text().references(() => user.id, { onDelete: 'set null' }),
		/** registered | waiting | cancelled */
		status: text().notNull(),
		/** Shown to the person and checked at the door. */
		code: text().notNull(),
		/** Order on the waiting list (set when the person joins it). */
		waitingSince: ts('waiting_since'),
		/** The point a person asking to speak will make; null = not a speaker. */
		speakerPoint: text(),
		speakerSince: ts('speaker_since'),
		reminderSentAt: ts('reminder_sent_at'),
		promotedAt: ts('promoted_at'),
		cancelledAt: ts('cancelled_at'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex().on(t.meetingId, t.userId),
		uniqueIndex().on(t.code),
		index().on(t.meetingId, t.status, t.waitingSince)
	]
);
