import { and, eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processInput } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { addCalendarDays, todayInBucharest } from '../../platform/calendar/index.ts';
import { auditLog, follows, notifications, searchDocuments, spaceRoles, spaces } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { publishProcess } from '../../platform/spaces/commands/publish-process.ts';
import { grantVerification } from '../../platform/verification/grant-verification.ts';
import { toCsv } from '../../platform/http/csv.ts';
import { GET as atomFeed } from '../../../../routes/feeds/consultations.atom/+server.ts';
import {
	consultations,
	decideRecommendation,
	manageConsultation,
	publishConsultation,
	publishSynthesis,
	recordRecommendation,
	registerForApi,
	requestPublicDebate,
	saveAnnouncement,
	saveAnnualReport,
	scheduleDebate,
	setUpConsultationSpace,
	submitRecommendation,
	viewAnnualReport,
	viewConsultation,
	viewOpenConsultations,
	viewRegister
} from './index.ts';
import { minimumDates } from './rules.ts';
import { meetings } from '../meetings/index.ts';
import { meetingsMeetings } from '../meetings/schema.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { linksOf } from '../../platform/links/index.ts';
import { consultationsDebateRequests, consultationsRecommendations } from './schema.ts';

const database = useTestDatabase();
const db = () => database().db;
const today = todayInBucharest();

const announcement = {
	draftTitle: { ro: 'Proiect de hotărâre privind terasele sezoniere', en: 'Draft decision on seasonal terraces' },
	explanatoryNote: { ro: 'Referat de aprobare: **de ce** este nevoie de regulament.' },
	impactStudy: { ro: '' },
	draftText: { ro: '**Art. 1.** Se aprobă regulamentul.\n\n**Art. 3.** Culoar pietonal de 1,50 m.' },
	contactName: 'Ioana Popescu',
	contactEmail: 'consultare@primariatm.ro',
	contactPhone: '0256 408 300',
	postalAddress: 'Bd. C.D. Loga nr. 1, Camera 12'
};

/** A published consultation space whose announcement was published `daysAgo` days ago with the minimum dates. */
async function consultation(admin: Actor, { daysAgo = 0, publish = true } = {}) {
	const created = await createProcess(admin, processInput('Consultare terase'), { kind: 'consultation' });
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const spaceId = created.value.id;
	await addPhase(admin, spaceId, {
		title: { ro: 'Consultare' },
		description: { ro: '' },
		startsOn: addCalendarDays(today, -40),
		endsOn: addCalendarDays(today, 40)
	});
	const mounted = await setUpConsultationSpace(admin, spaceId);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	expect(await saveAnnouncement(admin, { moduleId }, announcement)).toEqual({ ok: true, value: null });
	await publishProcess(admin, spaceId);
	if (publish) {
		const publishedOn = addCalendarDays(today, -daysAgo);
		const min = minimumDates(publishedOn);
		const r = await publishConsultation(
			admin,
			{ moduleId, today: publishedOn },
			{ recommendationsCloseOn: min.recommendations.due, approvalOn: min.approval.due, shortenedReason: '' }
		);
		expect(r).toMatchObject({ ok: true });
	}
	return { spaceId, slug: created.value.slug, moduleId };
}

async function organisationMember() {
	const ngo = await person([], { verifications: ['organisation'] });
	await grantVerification(db(), {
		userId: ngo.id,
		kind: 'organisation',
		method: 'in_person',
		detail: JSON.stringify({ name: 'Asociația Pietonilor din Timișoara', registration: '12/2015' })
	});
	return ngo;
}

describe('a Law 52/2003 consultation', () => {
	it('is a process type: creating a consultation space mounts the module with an empty announcement', async () => {
		const admin = await person(['admin']);
		const created = await createProcess(admin, processInput('Consultare parcări'), { kind: 'consultation' });
		if (!created.ok) throw new Error('not created');
		const [space] = await db().select().from(spaces).where(eq(spaces.id, created.value.id));
		expect(space.kind).toBe('consultation');
		const mounted = await setUpConsultationSpace(admin, created.value.id);
		if (!mounted.ok) throw new Error('not mounted');
		const view = await manageConsultation(admin, { spaceId: created.value.id, moduleId: mounted.value.id });
		expect(view.status).toBe('draft');
		expect(view.consultation.draftTitle).toEqual({ ro: '' });
	});

	it('is published today with the legal minimum dates, citing the rules, and becomes searchable', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await consultation(admin, { publish: false });
		const incomplete = await publishConsultation(
			admin,
			{ moduleId, today },
			{ recommendationsCloseOn: addCalendarDays(today, 1), approvalOn: addCalendarDays(today, 2), shortenedReason: '' }
		);
		expect(incomplete).toEqual({ ok: false, errors: { shortenedReason: 'consultations_error_shortened_reason' } });
		const min = minimumDates(today);
		const published = await publishConsultation(
			admin,
			{ moduleId, today },
			{ recommendationsCloseOn: min.recommendations.due, approvalOn: min.approval.due, shortenedReason: '' }
		);
		expect(published).toEqual({ ok: true, value: { publishedOn: today, shortened: false } });
		const again = await publishConsultation(
			admin,
			{ moduleId, today },
			{ recommendationsCloseOn: min.recommendations.due, approvalOn: min.approval.due, shortenedReason: '' }
		);
		expect(again).toEqual({ ok: false, errors: { _form: 'consultations_error_already_published' } });
		const view = await viewConsultation(anonymous(), { spaceSlug: slug, moduleId, locale: 'en', today });
		expect(view.consultation).toMatchObject({
			status: 'open',
			publishedOn: today,
			recommendationsCloseOn: min.recommendations.due,
			approvalOn: min.approval.due,
			shortenedReason: null,
			minimums: { recommendations: { article: 'art. 7(4)' }, approval: { article: 'art. 7(2)' } }
		});
		expect(view.consultation.explanatoryNote.html).toContain('<strong>de ce</strong>');
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'consultation'));
		expect(docs.map((d) => [d.locale, d.visibility]).sort()).toEqual([
			['en', 'public'],
			['ro', 'public']
		]);
		const audit = await db().select().from(auditLog).where(eq(auditLog.spaceId, spaceId));
		expect(audit.map((a) => a.action)).toContain('consultation.publish');
	});

	it('accepts a shorter period only with a reason, which is logged and shown publicly', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await consultation(admin, { publish: false });
		const reason = 'Termen impus de OUG privind bugetul; consultarea durează 5 zile.';
		const r = await publishConsultation(
			admin,
			{ moduleId, today },
			{
				recommendationsCloseOn: addCalendarDays(today, 5),
				approvalOn: addCalendarDays(today, 6),
				shortenedReason: reason
			}
		);
		expect(r).toEqual({ ok: true, value: { publishedOn: today, shortened: true } });
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'consultation.publish_shortened'));
		expect(entry.data).toMatchObject({ shortenedReason: reason });
		const view = await viewConsultation(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' });
		expect(view.consultation.shortenedReason).toBe(reason);
	});

	it('numbers the register without gaps or duplicates under concurrent submissions', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await consultation(admin);
		const citizens = await Promise.all([1, 2, 3, 4, 5].map(() => person()));
		const results = await Promise.all(
			citizens.map((c, i) => submitRecommendation(c, { moduleId }, { text: `Recomandarea ${i}`, article: 'Art. 3' }))
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const paper = await recordRecommendation(
			admin,
			{ moduleId },
			{
				channel: 'paper',
				receivedOn: today,
				authorName: 'Gheorghe Ionescu',
				contact: 'Str. Mărășești 5',
				text: 'Pe hârtie'
			}
		);
		expect(paper).toMatchObject({ ok: true, value: { number: 6 } });
		const rows = await db().select().from(consultationsRecommendations);
		expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(rows.find((r) => r.channel === 'online')?.contact).toMatch(/@example\.ro$/);
	});

	it('refuses online recommendations once the window has closed, and staff entries dated in the future', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await consultation(admin, { daysAgo: 30 });
		const citizen = await person();
		await expect(submitRecommendation(citizen, { moduleId }, { text: 'Prea târziu' })).rejects.toThrow(ForbiddenError);
		const future = await recordRecommendation(
			admin,
			{ moduleId },
			{ channel: 'email', receivedOn: addCalendarDays(today, 1), authorName: 'X', text: 'y' }
		);
		expect(future).toEqual({ ok: false, errors: { receivedOn: 'consultations_error_received_in_future' } });
		const late = { channel: 'paper' as const, receivedOn: today, authorName: 'Ana Pop', text: 'Trimisă târziu' };
		expect(await recordRecommendation(admin, { moduleId }, late)).toEqual({
			ok: false,
			errors: { receivedOn: 'consultations_error_received_after_close' }
		});
		expect(await recordRecommendation(admin, { moduleId }, { ...late, late: true })).toMatchObject({ ok: true });
		expect(await db().select().from(consultationsRecommendations)).toHaveLength(1);
	});

	it('shows the register and its CSV without private contact data', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await consultation(admin);
		const citizen = await person();
		await submitRecommendation(citizen, { moduleId }, { text: 'Culoar de 2 m, "nu" 1,50 m', organisation: 'ONG' });
		await recordRecommendation(
			admin,
			{ moduleId },
			{ channel: 'email', receivedOn: today, authorName: 'Maria K.', contact: 'maria@secret.example', text: '=1+1' }
		);
		const register = await viewRegister(anonymous(), { spaceSlug: slug, moduleId });
		expect(register.entries.map((e) => [e.number, e.channel, e.author])).toEqual([
			[1, 'online', 'Person (ONG)'],
			[2, 'email', 'Maria K.']
		]);
		const api = await registerForApi(anonymous(), slug);
		const csv = toCsv(api.entries);
		expect(csv).not.toContain('secret.example');
		expect(csv).not.toContain('@example.ro');
		expect(csv).toContain('"Culoar de 2 m, ""nu"" 1,50 m"');
		expect(csv).toContain("'=1+1");
		const exported = await consultations.exports[1].rows(db(), [moduleId]);
		expect(exported).toHaveLength(2);
		expect(JSON.stringify(exported)).not.toMatch(/secret|@example|user/i);
	});

	it('publishes the synthesis once the window has closed and every recommendation has an outcome', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await consultation(admin, { daysAgo: 2 });
		const citizen = await person();
		const follower = await person();
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		const sent = await submitRecommendation(
			citizen,
			{ moduleId },
			{ text: 'Program până la 23:00', article: 'Art. 4' }
		);
		if (!sent.ok) throw new Error('not sent');
		const synthesis = {
			synthesis: { ro: 'Am primit o recomandare, acceptată.' },
			finalActNumber: 'HCL 412/2026',
			finalActOn: today
		};
		expect(await publishSynthesis(admin, { moduleId }, synthesis)).toEqual({
			ok: false,
			errors: { _form: 'consultations_error_window_not_closed' }
		});
		const later = addCalendarDays(today, 20);
		expect(await publishSynthesis(admin, { moduleId, today: later }, synthesis)).toEqual({
			ok: false,
			errors: { _form: 'consultations_error_undecided' }
		});
		expect(
			await decideRecommendation(
				admin,
				{ moduleId },
				{ recommendationId: sent.value.id, outcome: 'accepted', outcomeReason: 'Art. 4 completat.' }
			)
		).toEqual({ ok: true, value: null });
		expect(await publishSynthesis(admin, { moduleId, today: later }, synthesis)).toEqual({ ok: true, value: null });
		const view = await manageConsultation(admin, { spaceId, moduleId, today: later });
		expect(view.status).toBe('finalised');
		expect(view.consultation.finalActNumber).toBe('HCL 412/2026');
		const told = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'consultations_notification_synthesis_published'));
		expect(told.map((n) => n.userId).sort()).toEqual([citizen.id, follower.id].sort());
		expect(
			await decideRecommendation(
				admin,
				{ moduleId },
				{ recommendationId: sent.value.id, outcome: 'rejected', outcomeReason: 'schimbat' }
			)
		).toEqual({ ok: false, errors: { _form: 'consultations_error_finalised' } });
	});

	it('records a verified organisation’s debate request once, starts the 10-day clock, and schedules it', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await consultation(admin);
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		await db().insert(spaceRoles).values({ spaceId, userId: spaceAdmin.id, role: 'admin' });
		const ngo = await organisationMember();
		const [a, b] = await Promise.all([
			requestPublicDebate(ngo, { moduleId }, { reason: 'Impactul asupra pietonilor' }),
			requestPublicDebate(ngo, { moduleId }, { reason: 'Impactul asupra pietonilor' })
		]);
		expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
		const rows = await db().select().from(consultationsDebateRequests);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			organisationName: 'Asociația Pietonilor din Timișoara',
			organisationRegistration: '12/2015'
		});
		const staffView = await manageConsultation(admin, { spaceId, moduleId });
		expect(staffView.debates[0]).toMatchObject({
			deadline: expect.any(String),
			article: 'art. 7(9)-(10)',
			overdue: false
		});
		const toAdmins = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'consultations_notification_debate_requested'));
		expect(toAdmins.map((n) => n.userId)).toEqual([spaceAdmin.id]);
		const scheduled = await scheduleDebate(
			admin,
			{ moduleId },
			{
				requestId: rows[0].id,
				debateOn: addCalendarDays(today, 7),
				debateTime: '17:00',
				debatePlace: 'Sala Mare, Primăria Timișoara',
				meetingId: ''
			}
		);
		expect(scheduled).toEqual({ ok: true, value: null });
		const view = await viewConsultation(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' });
		expect(view.debates[0]).toMatchObject({
			organisation: 'Asociația Pietonilor din Timișoara',
			debatePlace: 'Sala Mare, Primăria Timișoara'
		});
		const toRequester = await db()
			.select()
			.from(notifications)
			.where(
				and(eq(notifications.key, 'consultations_notification_debate_scheduled'), eq(notifications.userId, ngo.id))
			);
		expect(toRequester).toHaveLength(1);
		expect(toRequester[0].link).toBe(`/processes/${slug}/consultations/${moduleId}`);
	});

	it('schedules the debate as a public meeting with speaker registration when the space has a meetings module', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await consultation(admin);
		const mounted = await mountModule(admin, { spaceId, manifest: meetings }, { title: { ro: 'Întâlniri' } });
		if (!mounted.ok) throw new Error('meetings not mounted');
		const ngo = await organisationMember();
		const requested = await requestPublicDebate(ngo, { moduleId }, { reason: 'Impact mare' });
		if (!requested.ok) throw new Error('not requested');
		const scheduled = await scheduleDebate(
			admin,
			{ moduleId },
			{
				requestId: requested.value.id,
				debateOn: addCalendarDays(today, 8),
				debateTime: '17:00',
				debatePlace: 'Bd. C.D. Loga nr. 1, Sala Mare',
				meetingId: ''
			}
		);
		expect(scheduled).toEqual({ ok: true, value: null });
		const [request] = await db().select().from(consultationsDebateRequests);
		const [meeting] = await db().select().from(meetingsMeetings).where(eq(meetingsMeetings.id, request.meetingId!));
		expect(meeting).toMatchObject({ speakerRegistration: true, speakerMinutes: 3, status: 'published' });
		expect(meeting.startsAt.getTime()).toBe(request.debateAt!.getTime());
		const links = await linksOf(db(), { resourceType: 'consultation', resourceId: request.consultationId });
		expect(links.map((l) => [l.kind, l.other.resourceId])).toEqual([['public_debate', meeting.id]]);
	});

	it('lists open consultations (page, home, Atom feed) with their deadlines', async () => {
		const admin = await person(['admin']);
		const open = await consultation(admin);
		await consultation(admin, { daysAgo: 40 });
		const list = await viewOpenConsultations('ro');
		expect(list.map((c) => c.moduleId)).toEqual([open.moduleId]);
		const response = await atomFeed({ url: new URL('http://vocea.test/feeds/consultations.atom') } as never);
		expect(response.headers.get('content-type')).toContain('application/atom+xml');
		const xml = await response.text();
		expect(XMLValidator.validate(xml)).toBe(true);
		const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml);
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.entry).toHaveLength(1);
		expect(feed.entry[0].title['#text'] ?? feed.entry[0].title).toBe('Proiect de hotărâre privind terasele sezoniere');
		expect(feed.entry[0].id).toBe(`http://vocea.test/processes/${open.slug}/consultations/${open.moduleId}`);
	});

	it('computes the annual report from the register and keeps what staff enter', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await consultation(admin);
		const year = Number(today.slice(0, 4));
		const citizen = await person();
		const sent = await submitRecommendation(citizen, { moduleId }, { text: 'A' });
		await submitRecommendation(await person(), { moduleId }, { text: 'B' });
		if (!sent.ok) throw new Error('not sent');
		await decideRecommendation(
			admin,
			{ moduleId },
			{ recommendationId: sent.value.id, outcome: 'partly_accepted', outcomeReason: 'r' }
		);
		expect(
			await saveAnnualReport(admin, year, {
				meetingParticipants: '120',
				courtCases: 'Niciuna.',
				evaluation: 'Bună.',
				closedMeetings: ''
			})
		).toEqual({ ok: true, value: null });
		const report = await viewAnnualReport(admin, year);
		expect(report.computed).toMatchObject({
			recommendationsReceived: 2,
			recommendationsIncluded: 1,
			draftsPublished: 1
		});
		expect(report.entered).toMatchObject({ meetingParticipants: 120, courtCases: 'Niciuna.' });
		await expect(viewAnnualReport(citizen, year)).rejects.toThrow(ForbiddenError);
	});

	it('exports a person’s recommendations and anonymises them while the register entry stays', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await consultation(admin);
		const citizen = await person();
		await submitRecommendation(citizen, { moduleId }, { text: 'Textul meu', organisation: 'Asociația X' });
		const exported = await consultations.personalData.exportFor(db(), citizen.id);
		expect(exported.consultation_recommendations).toMatchObject([
			{ number: 1, text: 'Textul meu', contact: citizen.email }
		]);
		await consultations.personalData.anonymize(db(), citizen.id);
		const [row] = await db().select().from(consultationsRecommendations);
		expect(row).toMatchObject({ number: 1, text: 'Textul meu', authorName: '', contact: '', userId: null });
		const register = await viewRegister(anonymous(), { spaceSlug: slug, moduleId });
		expect(register.entries[0].author).toBe('(Asociația X)');
	});
});
