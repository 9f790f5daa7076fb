import ICAL from 'ical.js';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, notifications, outbox, searchDocuments } from '../../platform/db/schema.ts';
import { createComment, viewComments } from '../../platform/comments/index.ts';
import { linksOf } from '../../platform/links/index.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { follow } from '../../platform/notifications/commands/follow.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { cancelMeeting } from './commands/cancel-meeting.ts';
import { cancelRegistration } from './commands/cancel-registration.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { linkProposal } from './commands/link-proposal.ts';
import { publishMeeting } from './commands/publish-meeting.ts';
import { recordMinutes } from './commands/record-minutes.ts';
import { publicMeetingAttendance } from './queries.ts';
import { registerForMeeting } from './commands/register-for-meeting.ts';
import { scheduleMeeting } from './commands/schedule-meeting.ts';
import { sendMeetingReminders } from './commands/send-reminders.ts';
import { updateMeeting } from './commands/update-meeting.ts';
import type { MeetingInput } from './forms.ts';
import { meetingInput } from './meetings.fixtures.ts';
import { meetingFileUses } from './commentable.ts';
import { meetings } from './manifest.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';
import { meetingCalendar, processCalendar, viewMeeting } from './views.ts';

const database = useTestDatabase();
const db = () => database().db;
const DAY = 86_400_000;

async function meetingsModule(admin: Actor, { publish = true, phaseSettings = {} } = {}) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: meetings },
		{ title: { ro: 'Întâlniri' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	if (publish) {
		await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: meetings },
			{
				title: { ro: 'Întâlniri' },
				published: true,
				settings: {},
				phaseSettings: Object.fromEntries(process.phaseIds.map((id) => [id, phaseSettings])),
				requiredVerifications: {}
			}
		);
		await publishProcessAndModules(admin, process.spaceId);
	}
	return { ...process, moduleId };
}

async function publishedMeeting(admin: Actor, moduleId: string, over: Partial<MeetingInput> = {}, inDays = 10) {
	const r = await scheduleMeeting(admin, { moduleId, meeting: meetingInput(over, inDays), publish: true });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return { moduleId, meetingId: r.value.id };
}

describe('planning and announcing meetings', () => {
	it('validates the form with message keys and writes nothing when refused', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const r = await createMeeting(admin, { moduleId }, {
			...meetingInput(),
			type: 'hybrid',
			address: '',
			endsAt: new Date(Date.now() - DAY),
			agenda: [{ title: '', durationMinutes: 0 }]
		} as MeetingInput);
		expect(r).toMatchObject({
			ok: false,
			errors: {
				endsAt: 'meetings_error_ends_before_start',
				place_address: 'meetings_error_address_required',
				onlineUrl: 'meetings_error_online_url_required',
				agenda_title_0: 'validation_required',
				agenda_minutes_0: 'meetings_error_number'
			}
		});
		expect(await db().select().from(meetingsMeetings)).toHaveLength(0);
	});

	it('reads Bucharest wall times from the form', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const r = await createMeeting(
			admin,
			{ moduleId },
			meetingInput({ startsAt: '2030-07-01T18:00', endsAt: '2030-07-01T20:00' })
		);
		expect(r.ok).toBe(true);
		const [row] = await db().select().from(meetingsMeetings);
		expect(row.startsAt.toISOString()).toBe('2030-07-01T15:00:00.000Z');
		expect(row.status).toBe('draft');
	});

	it('refuses to publish a public meeting with less than 3 days’ notice unless a reason is given, and logs it', async () => {
		const admin = await person(['admin']);
		const follower = await person();
		const { moduleId, spaceId } = await meetingsModule(admin);
		await follow(follower, { resourceType: 'space', resourceId: spaceId });
		const created = await createMeeting(admin, { moduleId }, meetingInput({}, 2));
		if (!created.ok) throw new Error('create');
		const ids = { moduleId, meetingId: created.value.id };
		expect(await publishMeeting(admin, ids)).toEqual({
			ok: false,
			errors: { overrideReason: 'meetings_error_notice_too_short' }
		});
		expect((await db().select().from(meetingsMeetings))[0].status).toBe('draft');

		const r = await publishMeeting(admin, ids, { overrideReason: 'Ședință convocată de îndată de primar.' });
		expect(r).toEqual({ ok: true, value: { noticeOverridden: true } });
		const [log] = await db().select().from(auditLog).where(eq(auditLog.action, 'meeting.publish_with_short_notice'));
		expect(log.data).toMatchObject({
			overrideReason: 'Ședință convocată de îndată de primar.',
			rule: 'Law 52/2003 art. 8'
		});
		const told = await db().select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(told.map((n) => n.key)).toEqual(['meetings_notification_new_meeting']);
		// Publishing again is refused (and nobody is told twice).
		expect((await publishMeeting(admin, ids)).ok).toBe(false);
		expect(await db().select().from(notifications).where(eq(notifications.userId, follower.id))).toHaveLength(1);
	});

	it('publishes a meeting that is not public without the notice rule; scheduleMeeting leaves nothing when refused', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const internal = await scheduleMeeting(admin, {
			moduleId,
			meeting: meetingInput({ isPublic: false }, 1),
			publish: true
		});
		expect(internal).toMatchObject({ ok: true, value: { status: 'published' } });
		const late = await scheduleMeeting(admin, { moduleId, meeting: meetingInput({}, 1), publish: true });
		expect(late).toEqual({ ok: false, errors: { overrideReason: 'meetings_error_notice_too_short' } });
		expect(await db().select().from(meetingsMeetings)).toHaveLength(1);
	});
});

describe('registration', () => {
	it('never exceeds capacity under concurrent registrations; the rest wait in order', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { capacity: 2 });
		const people = await Promise.all(Array.from({ length: 5 }, () => person()));
		const results = await Promise.all(people.map((p) => registerForMeeting(p, ids)));
		expect(results.every((r) => r.ok)).toBe(true);
		const rows = await db().select().from(meetingsRegistrations);
		expect(rows.filter((r) => r.status === 'registered')).toHaveLength(2);
		expect(rows.filter((r) => r.status === 'waiting')).toHaveLength(3);
		// Each person got a confirmation e-mail with the code and the calendar link.
		const mails = await db().select().from(outbox);
		expect(mails).toHaveLength(5);
		const mine = rows.find((r) => r.userId === people[0].id)!;
		const mail = mails.find((m) => m.to === people[0].email)!;
		expect(mail.text).toContain(mine.code);
		expect(mail.text).toContain(`/api/v1/meetings/${ids.meetingId}.ics`);
	});

	it('never registers the same person twice, even when the form is sent twice at once', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { capacity: 10 });
		const citizen = await person();
		const [a, b] = await Promise.all([registerForMeeting(citizen, ids), registerForMeeting(citizen, ids)]);
		expect(a.ok && b.ok).toBe(true);
		expect([a, b].map((r) => r.ok && r.value.created).sort()).toEqual([false, true]);
		expect(await db().select().from(meetingsRegistrations)).toHaveLength(1);
		expect(await db().select().from(outbox)).toHaveLength(1);
	});

	it('gives a freed seat to the first person waiting, who is told; two cancellations promote two people', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { capacity: 2 });
		const [a, b, c, d, e] = await Promise.all(Array.from({ length: 5 }, () => person()));
		for (const p of [a, b, c, d, e]) await registerForMeeting(p, ids);
		const cancelled = await Promise.all([cancelRegistration(a, ids), cancelRegistration(b, ids)]);
		expect(cancelled.map((r) => r.ok && r.value.promoted).sort()).toEqual([1, 1]);
		const status = async (p: Actor & { id: string }) =>
			(
				await db()
					.select()
					.from(meetingsRegistrations)
					.where(and(eq(meetingsRegistrations.meetingId, ids.meetingId), eq(meetingsRegistrations.userId, p.id)))
			)[0].status;
		expect([await status(c), await status(d), await status(e)]).toEqual(['registered', 'registered', 'waiting']);
		const promotedNotices = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'meetings_notification_promoted'));
		expect(promotedNotices.map((n) => n.userId).sort()).toEqual([c.id, d.id].sort());
		expect(await cancelRegistration(a, ids)).toEqual({ ok: false, errors: { _form: 'meetings_error_not_registered' } });
		// Registering again after cancelling puts the person at the end of the queue.
		expect(await registerForMeeting(a, ids)).toMatchObject({ ok: true, value: { status: 'waiting' } });
	});

	it('more seats move people up from the waiting list', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { capacity: 1 });
		const [a, b] = await Promise.all([person(), person()]);
		await registerForMeeting(a, ids);
		await registerForMeeting(b, ids);
		expect(await updateMeeting(admin, ids, meetingInput({ capacity: 2 }))).toEqual({ ok: true, value: null });
		const rows = await db().select().from(meetingsRegistrations);
		expect(rows.map((r) => r.status)).toEqual(['registered', 'registered']);
		expect((await db().select().from(meetingsMeetings))[0].sequence).toBe(1);
	});

	it('takes speakers within their slots, in order, with the point they will make', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, {
			speakerRegistration: true,
			speakerSlots: 1,
			rules: { ro: '3 minute.' }
		});
		const [a, b] = await Promise.all([person(), person()]);
		const results = await Promise.all([
			registerForMeeting(a, ids, { speakerPoint: 'Piste de biciclete' }),
			registerForMeeting(b, ids, { speakerPoint: 'Parcări' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({
			ok: false,
			errors: { speakerPoint: 'meetings_error_speaker_slots_full' }
		});
		const plain = await publishedMeeting(admin, moduleId);
		expect(await registerForMeeting(a, plain, { speakerPoint: 'x' })).toEqual({
			ok: false,
			errors: { speakerPoint: 'meetings_error_no_speakers' }
		});
	});

	it('is refused outside the registration window and for drafts', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const citizen = await person();
		const closed = await publishedMeeting(admin, moduleId, { registrationClosesAt: new Date(Date.now() + DAY) });
		expect(await registerForMeeting(citizen, closed, {}, new Date(Date.now() + 2 * DAY))).toEqual({
			ok: false,
			errors: { _form: 'meetings_registration_closed' }
		});
		const draft = await createMeeting(admin, { moduleId }, meetingInput());
		if (!draft.ok) throw new Error('draft');
		await expect(registerForMeeting(citizen, { moduleId, meetingId: draft.value.id })).rejects.toThrow(/Not found/);
		expect(await db().select().from(meetingsRegistrations)).toHaveLength(0);
	});
});

describe('after the announcement', () => {
	it('reminds registered people once, the day before', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { capacity: 1 }, 5);
		const [a, b] = await Promise.all([person(), person()]);
		await registerForMeeting(a, ids);
		await registerForMeeting(b, ids);
		expect(await sendMeetingReminders(db(), new Date())).toEqual({ reminded: 0 });
		const dayBefore = new Date(Date.now() + 4 * DAY + 3_600_000);
		const runs = await Promise.all([sendMeetingReminders(db(), dayBefore), sendMeetingReminders(db(), dayBefore)]);
		expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(1);
		expect(await sendMeetingReminders(db(), new Date(dayBefore.getTime() + 3_600_000))).toEqual({ reminded: 0 });
		const reminders = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'meetings_notification_reminder'));
		expect(reminders.map((n) => n.userId)).toEqual([a.id]);
	});

	it('cancelling tells registered people and followers; the calendar marks it cancelled', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId);
		const [a, fan] = await Promise.all([person(), person()]);
		await registerForMeeting(a, ids);
		await follow(fan, { resourceType: 'meeting', resourceId: ids.meetingId });
		expect(await cancelMeeting(admin, ids, { reason: '' })).toMatchObject({
			ok: false,
			errors: { reason: 'validation_required' }
		});
		expect(await cancelMeeting(admin, ids, { reason: 'Sala nu este disponibilă.' })).toEqual({ ok: true, value: null });
		const told = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'meetings_notification_cancelled'));
		expect(told.map((n) => n.userId).sort()).toEqual([a.id, fan.id].sort());
		const ics = await meetingCalendar(anonymous(), ids.meetingId);
		const vevent = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
		const feed = await processCalendar(anonymous(), slug);
		expect(new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent')).toHaveLength(1);
	});

	it('records minutes and attendance only after the meeting, and links proposals both ways', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug, spaceId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId);
		const input = { minutes: { ro: '## Concluzii\n\nSe amenajează piste.' }, attendanceCount: '42' };
		expect(await recordMinutes(admin, ids, input)).toEqual({
			ok: false,
			errors: { _form: 'meetings_error_minutes_before_meeting' }
		});
		const later = new Date(Date.now() + 11 * DAY);
		const [{ startsAt }] = await db()
			.select({ startsAt: meetingsMeetings.startsAt })
			.from(meetingsMeetings)
			.where(eq(meetingsMeetings.id, ids.meetingId));
		const year = Number(startsAt.toLocaleString('en-CA', { timeZone: 'Europe/Bucharest', year: 'numeric' }));
		expect(await publicMeetingAttendance(db(), year, later)).toEqual({ participants: 0, withoutCount: 1 });
		expect(await recordMinutes(admin, ids, input, later)).toEqual({ ok: true, value: null });
		// the Law 52/2003 art. 13 report, indicator (c), reads it; meetings not yet held do not count
		expect(await publicMeetingAttendance(db(), year, later)).toEqual({ participants: 42, withoutCount: 0 });
		expect(await publicMeetingAttendance(db(), year)).toEqual({ participants: 0, withoutCount: 0 });

		await db()
			.insert(searchDocuments)
			.values({
				resourceType: 'proposal',
				resourceId: 'prop-1',
				spaceId,
				title: 'Piste de biciclete pe Calea Șagului',
				url: `/processes/${slug}/proposals/m/prop-1`
			});
		expect(await linkProposal(admin, ids, { proposal: 'nu-exista' })).toEqual({
			ok: false,
			errors: { proposal: 'meetings_error_unknown_proposal' }
		});
		expect(
			await linkProposal(admin, ids, { proposal: `https://vocea.example.ro/processes/${slug}/proposals/m/prop-1?x=1` })
		).toEqual({
			ok: true,
			value: { proposalId: 'prop-1', changed: true }
		});
		expect(await linksOf(db(), { resourceType: 'proposal', resourceId: 'prop-1' })).toMatchObject([
			{ kind: 'discussed_at', direction: 'outgoing', other: { resourceType: 'meeting', resourceId: ids.meetingId } }
		]);
		const page = await viewMeeting(anonymous(), {
			spaceSlug: slug,
			...ids,
			locale: 'ro',
			now: new Date(Date.now() + 11 * DAY)
		});
		expect(page.proposals.map((p) => p.title)).toEqual(['Piste de biciclete pe Calea Șagului']);
		expect(page.meeting.minutesHtml).toContain('<h2>Concluzii</h2>');
		expect(page.meeting.attendanceCount).toBe(42);
		expect(await linkProposal(admin, ids, { proposal: 'prop-1', remove: true })).toMatchObject({
			ok: true,
			value: { changed: true }
		});
		expect(await linksOf(db(), { resourceType: 'meeting', resourceId: ids.meetingId })).toEqual([]);
	});

	it('keeps the signed minutes as a file that is public with the meeting', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId);
		const after = new Date(Date.now() + 11 * DAY);
		const pdf = new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], 'minuta.pdf', {
			type: 'application/pdf'
		});
		const notPdf = new File(['just text'], 'minuta.pdf', { type: 'application/pdf' });
		const input = { minutes: { ro: 'Minuta.' }, attendanceCount: '12' };
		expect((await recordMinutes(admin, ids, input, after, notPdf)).ok).toBe(false);
		expect((await db().select().from(meetingsMeetings))[0].minutes).toBeNull();
		expect(await recordMinutes(admin, ids, input, after, pdf)).toEqual({ ok: true, value: null });
		const [row] = await db().select().from(meetingsMeetings);
		expect(row.minutesFileId).toMatch(/^[0-9a-f-]{36}$/);
		expect(await meetingFileUses(db(), row.minutesFileId!)).toMatchObject([{ public: true }]);
		// Saving again without a file keeps the document.
		await recordMinutes(admin, ids, { ...input, attendanceCount: '13' }, after);
		expect((await db().select().from(meetingsMeetings))[0]).toMatchObject({
			minutesFileId: row.minutesFileId,
			attendanceCount: 13
		});
	});

	it('takes comments through the shared comments feature, until it is cancelled', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId);
		const citizen = await person([], { verifications: ['email'] });
		const ref = { resourceType: 'meeting', resourceId: ids.meetingId };
		expect((await createComment(citizen, ref, { body: 'Vin cu vecinii din bloc.' })).ok).toBe(true);
		const thread = await viewComments(anonymous(), {
			...ref,
			url: `/processes/${slug}/meetings/${moduleId}/${ids.meetingId}`
		});
		expect(JSON.stringify(thread)).toContain('Vin cu vecinii din bloc.');
		await cancelMeeting(admin, ids, { reason: 'Amânată.' });
		await expect(createComment(citizen, ref, { body: 'Păcat.' })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('shows an online link only to registered people by default', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, {
			type: 'online',
			address: '',
			onlineUrl: 'https://meet.example.ro/dezbatere'
		});
		const citizen = await person();
		const before = await viewMeeting(citizen, { spaceSlug: slug, ...ids, locale: 'en' });
		expect(before.meeting).toMatchObject({ onlineUrl: null, onlineUrlHidden: true });
		await registerForMeeting(citizen, ids);
		const after = await viewMeeting(citizen, { spaceSlug: slug, ...ids, locale: 'en' });
		expect(after.meeting.onlineUrl).toBe('https://meet.example.ro/dezbatere');
		expect(after.registration.mine).toMatchObject({ status: 'registered' });
	});
});

describe('the module contract', () => {
	it('exports meetings without personal data, counts stats, and exports and anonymises a person’s registrations', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await meetingsModule(admin);
		const ids = await publishedMeeting(admin, moduleId, { speakerRegistration: true });
		const citizen = await person();
		await registerForMeeting(citizen, ids, { speakerPoint: 'Despre parcări' });
		await createMeeting(admin, { moduleId }, meetingInput({ title: { ro: 'Ciornă secretă' } }));
		const [exported] = meetings.exports;
		const rows = await exported.rows(db(), [moduleId]);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ registrations: 1, public_meeting: true });
		const text = JSON.stringify(rows);
		for (const secret of [citizen.id, citizen.email, 'Despre parcări', 'Ciornă secretă'])
			expect(text).not.toContain(secret);
		const stats = Object.fromEntries(
			await Promise.all(meetings.stats.map(async (s) => [s.key, await s.count(db(), [moduleId])]))
		);
		expect(stats).toEqual({ meetings_count: 1, meetings_registrations: 1, meetings_attendance_total: 0 });

		const mine = await meetings.personalData.exportFor(db(), citizen.id);
		expect(mine.meeting_registrations).toMatchObject([{ status: 'registered', speaker_point: 'Despre parcări' }]);
		await meetings.personalData.anonymize(db(), citizen.id);
		expect(await meetings.personalData.exportFor(db(), citizen.id)).toEqual({ meeting_registrations: [] });
		expect(await meetings.stats[1].count(db(), [moduleId])).toBe(1);
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'meeting'));
		expect(
			docs
				.filter((d) => d.visibility === 'public')
				.map((d) => d.locale)
				.sort()
		).toEqual(['en', 'ro']);
	});

	it('seeds a public meeting with registrations and a past one with minutes', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await meetingsModule(admin);
		const users = await Promise.all([person(), person()]);
		await meetings.seed!(db(), { spaceId, moduleId, userIds: users.map((u) => u.id) });
		const rows = await db().select().from(meetingsMeetings);
		expect(rows).toHaveLength(2);
		expect(rows.filter((r) => r.minutes && r.attendanceCount)).toHaveLength(1);
		expect(await db().select().from(meetingsRegistrations)).toHaveLength(2);
	});
});
