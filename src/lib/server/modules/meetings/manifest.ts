/**
 * The `meetings` module manifest: meetings in person, online or hybrid, with registration, a waiting list, speaker
 * slots for Law 52/2003 public debates, calendar files, reminders, minutes and attendance.
 */
import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { registerCommentable } from '../../platform/comments/index.ts';
import { defineModule } from '../../platform/modules/define-module.ts';
import { inRange, type StatRange } from '../../platform/modules/stats.ts';
import { registerFollowable } from '../../platform/notifications/follows.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { meetingCommentTarget, meetingFileUses, meetingFollowable } from './commentable.ts';
import { meetingsActions, meetingsPermissions } from './permissions.ts';
import { meetingsGlobalSettings, meetingsPhaseSettings } from './settings.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { meetingsWithSpace, meetingUrl } from './queries.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';
import { meetingDocuments } from './search.ts';
import { seedMeetings } from './seeds.ts';

/** Meetings of the modules held within the range (stats count meetings by when they happen). */
const inModules = (moduleIds: string[], range?: StatRange) =>
	and(inArray(meetingsMeetings.moduleId, moduleIds), ...inRange(meetingsMeetings.startsAt, range));

export const meetings = defineModule({
	name: 'meetings',
	titleKey: 'meetings_module_name',
	settings: { global: meetingsGlobalSettings, phase: meetingsPhaseSettings },
	actions: meetingsActions,
	defaultVerification: { read: null, register: 'email', comment: 'email', manage: null },
	permissions: meetingsPermissions,
	resources: [{ name: 'meeting', linkable: true }],
	exports: [
		{
			name: 'meetings',
			description:
				'Public meetings of participatory processes: when, where, agenda length, seats and attendance. No registrant data.',
			columns: [
				{ name: 'id', description: 'Stable identifier of the meeting.' },
				{ name: 'process', description: 'URL slug of the process the meeting belongs to.' },
				{ name: 'title', description: 'Title in Romanian.' },
				{ name: 'description', description: 'Description as plain text, in Romanian.' },
				{ name: 'type', description: 'in_person, online or hybrid.' },
				{ name: 'status', description: 'published or cancelled.' },
				{ name: 'public_meeting', description: 'true for a public meeting under Law 52/2003 art. 8.' },
				{ name: 'starts_at', description: 'Start, ISO 8601 in UTC.' },
				{ name: 'ends_at', description: 'End, ISO 8601 in UTC.' },
				{ name: 'address', description: 'Address of the venue (empty for online meetings).' },
				{ name: 'latitude', description: 'Latitude of the venue (WGS 84), when known.' },
				{ name: 'longitude', description: 'Longitude of the venue (WGS 84), when known.' },
				{ name: 'agenda_items', description: 'Number of items on the agenda.' },
				{ name: 'capacity', description: 'Seats available; empty when unlimited.' },
				{ name: 'registrations', description: 'People registered (a count only).' },
				{ name: 'attendance', description: 'People who attended, recorded by staff after the meeting.' },
				{ name: 'has_minutes', description: 'Whether minutes have been published.' },
				{ name: 'url', description: 'Path of the meeting page on the site.' }
			],
			async rows(db, moduleIds) {
				const rows = (await meetingsWithSpace(db, moduleIds)).filter((r) => r.public && r.meeting.status !== 'draft');
				const counts = new Map<string, number>();
				if (rows.length) {
					const registered = await db
						.select({ meetingId: meetingsRegistrations.meetingId, n: count() })
						.from(meetingsRegistrations)
						.where(
							and(
								inArray(
									meetingsRegistrations.meetingId,
									rows.map((r) => r.meeting.id)
								),
								eq(meetingsRegistrations.status, 'registered')
							)
						)
						.groupBy(meetingsRegistrations.meetingId);
					for (const r of registered) counts.set(r.meetingId, r.n);
				}
				return rows.map(({ meeting: m, spaceSlug }) => ({
					id: m.id,
					process: spaceSlug,
					title: m.title.ro,
					description: markdownToText(m.description.ro),
					type: m.type,
					status: m.status,
					public_meeting: m.isPublic,
					starts_at: m.startsAt.toISOString(),
					ends_at: m.endsAt.toISOString(),
					address: m.address ?? '',
					latitude: m.lat,
					longitude: m.lng,
					agenda_items: m.agenda.length,
					capacity: m.capacity,
					registrations: counts.get(m.id) ?? 0,
					attendance: m.attendanceCount,
					has_minutes: !!m.minutes,
					url: meetingUrl(spaceSlug, m.moduleId, m.id)
				}));
			}
		}
	],
	stats: [
		{
			key: 'meetings_count',
			primary: true,
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: count() })
					.from(meetingsMeetings)
					.where(and(inModules(moduleIds, range), inArray(meetingsMeetings.status, ['published'])));
				return row?.n ?? 0;
			}
		},
		{
			key: 'meetings_registrations',
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const where = [
					inArray(meetingsMeetings.moduleId, moduleIds),
					eq(meetingsRegistrations.status, 'registered'),
					...inRange(meetingsRegistrations.createdAt, range)
				];
				const [row] = await db
					.select({ n: count() })
					.from(meetingsRegistrations)
					.innerJoin(meetingsMeetings, eq(meetingsMeetings.id, meetingsRegistrations.meetingId))
					.where(and(...where));
				return row?.n ?? 0;
			}
		},
		{
			key: 'meetings_attendance_total',
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: sql<number>`coalesce(sum(${meetingsMeetings.attendanceCount}), 0)::int` })
					.from(meetingsMeetings)
					.where(and(inModules(moduleIds, range), isNotNull(meetingsMeetings.attendanceCount)));
				return row?.n ?? 0;
			}
		}
	],
	search: [{ resource: 'meeting', documents: meetingDocuments }],
	notifications: [
		{ key: 'meetings_notification_new_meeting', recipients: 'followers' },
		{ key: 'meetings_notification_reminder', recipients: 'author' },
		{ key: 'meetings_notification_promoted', recipients: 'author' },
		{ key: 'meetings_notification_cancelled', recipients: 'followers' }
	],
	personalData: {
		async exportFor(db, userId) {
			const rows = await db
				.select({
					registration: meetingsRegistrations,
					title: meetingsMeetings.title,
					startsAt: meetingsMeetings.startsAt
				})
				.from(meetingsRegistrations)
				.innerJoin(meetingsMeetings, eq(meetingsMeetings.id, meetingsRegistrations.meetingId))
				.where(eq(meetingsRegistrations.userId, userId));
			return {
				meeting_registrations: rows.map(({ registration: r, title, startsAt }) => ({
					meeting: title.ro,
					meeting_starts_at: startsAt.toISOString(),
					status: r.status,
					code: r.code,
					speaker_point: r.speakerPoint,
					registered_at: r.createdAt.toISOString(),
					cancelled_at: r.cancelledAt?.toISOString() ?? null
				}))
			};
		},
		// The registration stays (seat counts and the speakers' list of a past meeting keep adding up) but no longer
		// says who it was; the code, which could be matched against a sign-in sheet, goes too.
		async anonymize(db, userId) {
			await db
				.update(meetingsRegistrations)
				.set({ userId: null, code: sql`'anon-' || ${meetingsRegistrations.id}` })
				.where(eq(meetingsRegistrations.userId, userId));
			await db.update(meetingsMeetings).set({ createdBy: null }).where(eq(meetingsMeetings.createdBy, userId));
			await db.update(meetingsMeetings).set({ updatedBy: null }).where(eq(meetingsMeetings.updatedBy, userId));
		}
	},
	hooks: {
		async beforeDestroy(db, moduleId) {
			const [row] = await db
				.select({ n: count() })
				.from(meetingsMeetings)
				.where(eq(meetingsMeetings.moduleId, moduleId));
			return (row?.n ?? 0) > 0 ? 'meetings_error_unmount_has_meetings' : null;
		}
	},
	seed: seedMeetings
});

registerCommentable('meeting', meetingCommentTarget(meetings));
registerFollowable('meeting', meetingFollowable(meetings));
if (!fileUseResolvers.includes(meetingFileUses)) fileUseResolvers.push(meetingFileUses);
