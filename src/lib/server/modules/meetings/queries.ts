/** Reads of meetings and registrations; rows are plain records, rendering happens in views. */
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, neighbourhoods, searchDocuments, spaces, user } from '../../platform/db/schema.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';
import { endOfDayInBucharest, startOfDayInBucharest } from '../../platform/calendar/index.ts';

export type Meeting = typeof meetingsMeetings.$inferSelect;
export type Registration = typeof meetingsRegistrations.$inferSelect;

export const meetingUrl = (spaceSlug: string, moduleId: string, meetingId: string) =>
	`/processes/${spaceSlug}/meetings/${moduleId}/${meetingId}`;
export const meetingIcsUrl = (meetingId: string) => `/api/v1/meetings/${meetingId}.ics`;

export async function findMeeting(db: Db, moduleId: string, meetingId: string): Promise<Meeting | undefined> {
	const [row] = await db
		.select()
		.from(meetingsMeetings)
		.where(and(eq(meetingsMeetings.moduleId, moduleId), eq(meetingsMeetings.id, meetingId)));
	return row;
}

/** A meeting by id alone, with its module and space (for the .ics route and notifications). */
export async function meetingWithSpace(db: Db, meetingId: string) {
	const [row] = await db
		.select({
			meeting: meetingsMeetings,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceTitle: spaces.title,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(meetingsMeetings)
		.innerJoin(moduleInstances, eq(moduleInstances.id, meetingsMeetings.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(meetingsMeetings.id, meetingId));
	return row;
}

/** Meetings of several modules with what their public URL and visibility need. */
export async function meetingsWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			meeting: meetingsMeetings,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(meetingsMeetings)
		.innerJoin(moduleInstances, eq(moduleInstances.id, meetingsMeetings.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(meetingsMeetings.moduleId, moduleIds))
		.orderBy(asc(meetingsMeetings.startsAt));
}

/** The meetings of a module: upcoming (soonest first) and past (latest first). Drafts only for staff. */
export async function listMeetings(
	db: Db,
	moduleId: string,
	{ includeDrafts, now }: { includeDrafts: boolean; now: Date }
) {
	const visible = includeDrafts
		? eq(meetingsMeetings.moduleId, moduleId)
		: and(eq(meetingsMeetings.moduleId, moduleId), inArray(meetingsMeetings.status, ['published', 'cancelled']));
	const [upcoming, past] = await Promise.all([
		db
			.select()
			.from(meetingsMeetings)
			.where(and(visible, gte(meetingsMeetings.endsAt, now)))
			.orderBy(asc(meetingsMeetings.startsAt)),
		db
			.select()
			.from(meetingsMeetings)
			.where(and(visible, lt(meetingsMeetings.endsAt, now)))
			.orderBy(desc(meetingsMeetings.startsAt))
	]);
	return { upcoming, past };
}

/** Seats taken and people waiting, per meeting. */
export async function registrationCounts(
	db: Db,
	meetingIds: string[]
): Promise<Map<string, { registered: number; waiting: number; speakers: number }>> {
	const out = new Map<string, { registered: number; waiting: number; speakers: number }>();
	if (!meetingIds.length) return out;
	const rows = await db
		.select({
			meetingId: meetingsRegistrations.meetingId,
			status: meetingsRegistrations.status,
			n: count(),
			speakers: sql<number>`count(${meetingsRegistrations.speakerPoint})::int`
		})
		.from(meetingsRegistrations)
		.where(
			and(
				inArray(meetingsRegistrations.meetingId, meetingIds),
				inArray(meetingsRegistrations.status, ['registered', 'waiting'])
			)
		)
		.groupBy(meetingsRegistrations.meetingId, meetingsRegistrations.status);
	for (const id of meetingIds) out.set(id, { registered: 0, waiting: 0, speakers: 0 });
	for (const r of rows) {
		const c = out.get(r.meetingId)!;
		if (r.status === 'registered') c.registered = r.n;
		else c.waiting = r.n;
		c.speakers += r.speakers;
	}
	return out;
}

export async function findRegistration(db: Db, meetingId: string, userId: string): Promise<Registration | undefined> {
	const [row] = await db
		.select()
		.from(meetingsRegistrations)
		.where(and(eq(meetingsRegistrations.meetingId, meetingId), eq(meetingsRegistrations.userId, userId)));
	return row;
}

/** Active registrations (registered, then the waiting list in order), for staff. */
export const registrationsOf = (db: Db, meetingId: string) =>
	db
		.select({ registration: meetingsRegistrations, name: user.name, email: user.email })
		.from(meetingsRegistrations)
		.leftJoin(user, eq(user.id, meetingsRegistrations.userId))
		.where(
			and(
				eq(meetingsRegistrations.meetingId, meetingId),
				inArray(meetingsRegistrations.status, ['registered', 'waiting'])
			)
		)
		.orderBy(
			desc(meetingsRegistrations.status),
			asc(meetingsRegistrations.waitingSince),
			asc(meetingsRegistrations.createdAt)
		);

/** The ids of the people holding a seat or waiting for one. */
export async function registrantIds(db: Db, meetingId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: meetingsRegistrations.userId })
		.from(meetingsRegistrations)
		.where(
			and(
				eq(meetingsRegistrations.meetingId, meetingId),
				inArray(meetingsRegistrations.status, ['registered', 'waiting'])
			)
		);
	return rows.map((r) => r.userId).filter((id): id is string => !!id);
}

export const listNeighbourhoods = (db: Db) =>
	db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));

export async function neighbourhoodName(db: Db, id: string | null) {
	if (!id) return null;
	const [row] = await db.select({ name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, id));
	return row?.name ?? null;
}

/** A space by id or slug, with the meetings modules mounted in it. */
export async function spaceWithMeetingModules(db: Db, idOrSlug: string) {
	const [space] = await db
		.select({ id: spaces.id, slug: spaces.slug, title: spaces.title })
		.from(spaces)
		.where(or(eq(spaces.id, idOrSlug), eq(spaces.slug, idOrSlug)));
	if (!space) return null;
	const modules = await db
		.select({ id: moduleInstances.id })
		.from(moduleInstances)
		.where(and(eq(moduleInstances.spaceId, space.id), eq(moduleInstances.kind, 'meetings')));
	return { space, moduleIds: modules.map((m) => m.id) };
}

/** Titles and addresses of linked resources, from the search index (public documents unless staff ask). */
export async function linkedDocuments(
	db: Db,
	refs: { resourceType: string; resourceId: string }[],
	{ locale, staff }: { locale: string; staff: boolean }
) {
	if (!refs.length) return [];
	const rows = await db
		.select({
			resourceType: searchDocuments.resourceType,
			resourceId: searchDocuments.resourceId,
			locale: searchDocuments.locale,
			title: searchDocuments.title,
			url: searchDocuments.url,
			visibility: searchDocuments.visibility
		})
		.from(searchDocuments)
		.where(
			and(
				inArray(
					searchDocuments.resourceId,
					refs.map((r) => r.resourceId)
				),
				inArray(searchDocuments.locale, [locale, 'ro'])
			)
		);
	return refs.flatMap((ref) => {
		const docs = rows.filter(
			(r) =>
				r.resourceType === ref.resourceType && r.resourceId === ref.resourceId && (staff || r.visibility === 'public')
		);
		const doc = docs.find((d) => d.locale === locale) ?? docs.find((d) => d.locale === 'ro');
		return doc ? [{ ...ref, title: doc.title, url: doc.url, lang: doc.locale }] : [];
	});
}

/**
 * Attendance recorded at the public meetings held in a calendar year (Europe/Bucharest), for the Law 52/2003 art. 13
 * report, indicator (c): the people counted and how many held public meetings have no count yet.
 */
export async function publicMeetingAttendance(db: Db, year: number, now: Date = new Date()) {
	const from = startOfDayInBucharest(`${year}-01-01`);
	const to = endOfDayInBucharest(`${year}-12-31`);
	const [row] = await db
		.select({
			participants: sql<number>`coalesce(sum(${meetingsMeetings.attendanceCount}), 0)::int`,
			withoutCount: sql<number>`count(*) filter (where ${meetingsMeetings.attendanceCount} is null)::int`
		})
		.from(meetingsMeetings)
		.where(
			and(
				eq(meetingsMeetings.isPublic, true),
				eq(meetingsMeetings.status, 'published'),
				gte(meetingsMeetings.startsAt, from),
				lt(meetingsMeetings.startsAt, to),
				lt(meetingsMeetings.startsAt, now)
			)
		);
	return { participants: row?.participants ?? 0, withoutCount: row?.withoutCount ?? 0 };
}
