/** What the public and admin pages of the module show, each read authorised like a command. */
import { translate } from '#lib/i18n/index.ts';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { publicOrigin } from '../../platform/config/env.ts';
import { getDb } from '../../platform/db/index.ts';
import { linksOf } from '../../platform/links/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { NotFoundError } from '../../platform/result.ts';
import { authorizedMeeting, authorizedModule } from './access.ts';
import { icsFileName, meetingsCalendar, type IcsMeeting } from './ics.ts';
import { meetings } from './manifest.ts';
import { markdownToText, renderMarkdown } from '../../platform/text/markdown.ts';
import {
	findRegistration,
	linkedDocuments,
	listMeetings,
	listNeighbourhoods,
	meetingsWithSpace,
	meetingWithSpace,
	meetingUrl,
	neighbourhoodName,
	registrationCounts,
	registrationsOf,
	spaceWithMeetingModules,
	type Meeting
} from './queries.ts';
import { noticeCheck, registrationState } from './rules.ts';

const summary = (m: Meeting, counts?: { registered: number; waiting: number }) => ({
	id: m.id,
	title: m.title,
	type: m.type,
	status: m.status,
	startsAt: m.startsAt,
	endsAt: m.endsAt,
	address: m.address,
	isPublic: m.isPublic,
	capacity: m.capacity,
	registered: counts?.registered ?? 0,
	waiting: counts?.waiting ?? 0,
	hasMinutes: !!m.minutes
});

/** The module's meetings: upcoming (soonest first) and past (latest first). */
export async function viewMeetings(
	actor: Actor,
	{ spaceSlug, moduleId, now = new Date() }: { spaceSlug: string; moduleId: string; now?: Date }
) {
	const db = await getDb();
	const { ctx, instance, settings } = await authorizedModule(db, actor, 'read', moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	const { upcoming, past } = await listMeetings(db, moduleId, { includeDrafts: false, now });
	const counts = await registrationCounts(
		db,
		[...upcoming, ...past].map((m) => m.id)
	);
	return {
		module: { id: instance.id, title: instance.title, spaceId: instance.spaceId },
		upcoming: upcoming.map((m) => summary(m, counts.get(m.id))),
		past: settings.showPastMeetings ? past.map((m) => summary(m, counts.get(m.id))) : [],
		canManage: can(actor, 'manage', ctx, meetings).allowed
	};
}

/** One meeting with everything its page shows, for this reader. */
export async function viewMeeting(
	actor: Actor,
	{
		spaceSlug,
		moduleId,
		meetingId,
		locale,
		now = new Date()
	}: { spaceSlug: string; moduleId: string; meetingId: string; locale: string; now?: Date }
) {
	const db = await getDb();
	const { ctx, instance, settings, meeting } = await authorizedMeeting(db, actor, 'read', { moduleId, meetingId });
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	const staff = can(actor, 'manage', ctx, meetings).allowed;
	const [counts, mine, hood, links, following] = await Promise.all([
		registrationCounts(db, [meeting.id]).then((c) => c.get(meeting.id)!),
		isUser(actor) ? findRegistration(db, meeting.id, actor.id) : undefined,
		neighbourhoodName(db, meeting.neighbourhoodId),
		linksOf(db, { resourceType: 'meeting', resourceId: meeting.id }),
		isFollowing(actor, { resourceType: 'meeting', resourceId: meeting.id })
	]);
	const registration = mine && mine.status !== 'cancelled' ? mine : null;
	const state = registrationState(meeting, now);
	const mayRegister = can(actor, 'register', ctx, meetings);
	const description = translate(meeting.description, locale);
	const proposals = await linkedDocuments(
		db,
		links.filter((l) => l.other.resourceType === 'proposal').map((l) => l.other),
		{ locale, staff }
	);
	const showOnlineUrl =
		meeting.type !== 'in_person' &&
		meeting.status === 'published' &&
		(settings.onlineUrlVisibleTo === 'everyone' || staff || registration?.status === 'registered');
	return {
		module: { id: instance.id, title: instance.title },
		meeting: {
			...summary(meeting, counts),
			descriptionHtml: renderMarkdown(description.text),
			descriptionLang: description.lang,
			descriptionTranslated: description.translated,
			neighbourhood: hood,
			lat: meeting.lat,
			lng: meeting.lng,
			onlineUrl: showOnlineUrl ? meeting.onlineUrl : null,
			onlineUrlHidden: meeting.type !== 'in_person' && !showOnlineUrl,
			agenda: meeting.agenda,
			cancelReason: meeting.cancelReason,
			speakerRegistration: meeting.speakerRegistration,
			speakerSlots: meeting.speakerSlots,
			speakerMinutes: meeting.speakerMinutes,
			speakers: counts.speakers,
			rulesHtml: meeting.rules ? renderMarkdown(translate(meeting.rules, locale).text) : null,
			minutesHtml: meeting.minutes ? renderMarkdown(translate(meeting.minutes, locale).text) : null,
			attendanceCount: meeting.attendanceCount,
			minutesFileId: meeting.minutesFileId,
			registrationClosesAt: meeting.registrationClosesAt,
			registrationOpensAt: meeting.registrationOpensAt
		},
		registration: {
			state,
			full: meeting.capacity !== null && counts.registered >= meeting.capacity,
			allowed: mayRegister.allowed,
			reason: mayRegister.allowed ? null : mayRegister.reason,
			mine: registration
				? { status: registration.status, code: registration.code, speakerPoint: registration.speakerPoint }
				: null
		},
		proposals,
		following,
		signedIn: isUser(actor),
		canManage: staff
	};
}

/** The admin list of a module's meetings, drafts included. */
export async function manageMeetings(
	actor: Actor,
	{ spaceId, moduleId, now = new Date() }: { spaceId: string; moduleId: string; now?: Date }
) {
	const db = await getDb();
	const { ctx, instance } = await authorizedModule(db, actor, 'manage', moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	const { upcoming, past } = await listMeetings(db, moduleId, { includeDrafts: true, now });
	const counts = await registrationCounts(
		db,
		[...upcoming, ...past].map((m) => m.id)
	);
	return {
		module: instance,
		space: ctx.space,
		upcoming: upcoming.map((m) => summary(m, counts.get(m.id))),
		past: past.map((m) => summary(m, counts.get(m.id)))
	};
}

/** The neighbourhoods for the place fields of the meeting form. */
export async function meetingFormChoices(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const listing = await manageMeetings(actor, { spaceId, moduleId });
	return { space: listing.space, module: listing.module, neighbourhoods: await listNeighbourhoods(await getDb()) };
}

/** One meeting as stored, with its registrations, linked proposals and the Law 52 notice check, for staff. */
export async function manageMeeting(
	actor: Actor,
	{
		spaceId,
		moduleId,
		meetingId,
		locale = 'ro',
		now = new Date()
	}: { spaceId: string; moduleId: string; meetingId: string; locale?: string; now?: Date }
) {
	const db = await getDb();
	const { ctx, instance, meeting } = await authorizedMeeting(db, actor, 'manage', { moduleId, meetingId });
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	const [registrations, links, neighbourhoods] = await Promise.all([
		registrationsOf(db, meeting.id),
		linksOf(db, { resourceType: 'meeting', resourceId: meeting.id }),
		listNeighbourhoods(db)
	]);
	return {
		space: ctx.space,
		module: instance,
		meeting,
		url: meetingUrl(ctx.space.slug, moduleId, meeting.id),
		notice: noticeCheck(meeting.startsAt, now),
		held: meeting.startsAt <= now,
		registrations: registrations.map((r) => ({
			id: r.registration.id,
			status: r.registration.status,
			code: r.registration.code,
			speakerPoint: r.registration.speakerPoint,
			name: r.name,
			email: r.email,
			since: r.registration.waitingSince ?? r.registration.createdAt
		})),
		proposals: await linkedDocuments(
			db,
			links.filter((l) => l.other.resourceType === 'proposal').map((l) => l.other),
			{ locale, staff: true }
		),
		neighbourhoods
	};
}

const host = () => {
	try {
		return new URL(publicOrigin()).host;
	} catch {
		return 'vocea.local';
	}
};

function icsMeeting(m: Meeting, spaceSlug: string, hoodName: string | null): IcsMeeting {
	const title = m.title.ro;
	const where = [m.address, hoodName].filter(Boolean).join(', ');
	const location = m.type === 'online' ? null : where || null;
	return {
		id: m.id,
		title: m.status === 'cancelled' ? `[ANULAT] ${title}` : title,
		description: markdownToText(m.description.ro),
		startsAt: m.startsAt,
		endsAt: m.endsAt,
		location,
		geo: location && m.lat !== null && m.lng !== null ? { lat: m.lat, lon: m.lng } : null,
		url: `${publicOrigin()}${meetingUrl(spaceSlug, m.moduleId, m.id)}`,
		status: m.status,
		sequence: m.sequence,
		updatedAt: m.updatedAt
	};
}

/** The .ics file of one published (or cancelled) meeting. */
export async function meetingCalendar(actor: Actor, meetingId: string) {
	const db = await getDb();
	const row = await meetingWithSpace(db, meetingId);
	if (!row) throw new NotFoundError('meeting');
	const { meeting } = await authorizedMeeting(db, actor, 'read', { moduleId: row.meeting.moduleId, meetingId });
	if (meeting.status === 'draft') throw new NotFoundError('meeting');
	const hood = await neighbourhoodName(db, meeting.neighbourhoodId);
	return {
		fileName: icsFileName(meeting.title.ro),
		text: meetingsCalendar({
			name: meeting.title.ro,
			host: host(),
			meetings: [icsMeeting(meeting, row.spaceSlug, hood?.ro ?? null)]
		})
	};
}

/** The calendar feed of a process (by id or slug): every meeting the reader may see, cancelled ones included. */
export async function processCalendar(actor: Actor, idOrSlug: string) {
	const db = await getDb();
	const found = await spaceWithMeetingModules(db, idOrSlug);
	if (!found) throw new NotFoundError('space');
	const readable: string[] = [];
	for (const moduleId of found.moduleIds) {
		const { ctx } = await loadModule(db, meetings, moduleId);
		if (can(actor, 'read', ctx, meetings).allowed) readable.push(moduleId);
	}
	// A process the reader cannot see at all answers like a missing one.
	if (found.moduleIds.length && !readable.length) throw new NotFoundError('space');
	const rows = (await meetingsWithSpace(db, readable)).filter((r) => r.meeting.status !== 'draft');
	return {
		fileName: `${found.space.slug}.ics`,
		text: meetingsCalendar({
			name: found.space.title.ro,
			host: host(),
			meetings: rows.map((r) => icsMeeting(r.meeting, r.spaceSlug, null))
		})
	};
}
