/**
 * Permissions of the consultations module: (1) the matrix action × actor × setting, decided as the services decide
 * (module rule, required verification, the window's dates); (2) every service the routes import, called by a
 * forbidden actor, throws ForbiddenError and writes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processInput } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { addCalendarDays, todayInBucharest } from '../../platform/calendar/index.ts';
import { auditLog, moduleInstances } from '../../platform/db/schema.ts';
import { can } from '../../platform/modules/runtime.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { publishProcess } from '../../platform/spaces/commands/publish-process.ts';
import { unpublishProcess } from '../../platform/spaces/commands/unpublish-process.ts';
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
	viewRegister
} from './index.ts';
import { loadConsultation } from './load.ts';
import { minimumDates, windowOpen } from './rules.ts';
import {
	consultationsAnnualReports,
	consultationsConsultations,
	consultationsDebateRequests,
	consultationsRecommendations
} from './schema.ts';

const database = useTestDatabase();
const db = () => database().db;
const today = todayInBucharest();

type Who =
	| 'anonymous'
	| 'citizen, e-mail unconfirmed'
	| 'citizen'
	| 'organisation member'
	| 'author'
	| 'space admin'
	| 'moderator'
	| 'evaluator'
	| 'platform admin'
	| 'admin without 2FA';
type Setting = 'open' | 'window closed' | 'online off' | 'module unpublished' | 'space draft';
type Action = (typeof consultations.actions)[number];

async function setUp(setting: Setting) {
	const admin = await person(['admin']);
	const created = await createProcess(admin, processInput('Consultare'), { kind: 'consultation' });
	if (!created.ok) throw new Error('process');
	const spaceId = created.value.id;
	await addPhase(admin, spaceId, {
		title: { ro: 'Consultare' },
		description: { ro: '' },
		startsOn: addCalendarDays(today, -60),
		endsOn: addCalendarDays(today, 60)
	});
	const mounted = await setUpConsultationSpace(admin, spaceId);
	if (!mounted.ok) throw new Error('module');
	const moduleId = mounted.value.id;
	await saveAnnouncement(
		admin,
		{ moduleId },
		{
			draftTitle: { ro: 'Proiect' },
			explanatoryNote: { ro: 'Referat' },
			impactStudy: { ro: '' },
			draftText: { ro: 'Art. 1' },
			contactName: 'Ioana',
			contactEmail: 'consultare@primariatm.ro'
		}
	);
	await publishProcess(admin, spaceId);
	const publishedOn = addCalendarDays(today, setting === 'window closed' ? -30 : -1);
	const min = minimumDates(publishedOn);
	await publishConsultation(
		admin,
		{ moduleId, today: publishedOn },
		{ recommendationsCloseOn: min.recommendations.due, approvalOn: min.approval.due, shortenedReason: '' }
	);
	if (setting === 'online off')
		await configureModule(
			admin,
			{ spaceId, moduleId, manifest: consultations },
			{
				title: { ro: 'Consultare' },
				published: true,
				settings: { onlineRecommendations: false, onlineDebateRequests: false },
				phaseSettings: {},
				requiredVerifications: {}
			}
		);
	if (setting === 'module unpublished')
		await db().update(moduleInstances).set({ published: false }).where(eq(moduleInstances.id, moduleId));
	if (setting === 'space draft') await unpublishProcess(admin, spaceId);
	const author = await person();
	await db()
		.insert(consultationsRecommendations)
		.values({
			consultationId: (await loadConsultation(db(), moduleId)).consultation.id,
			number: 1,
			receivedOn: publishedOn,
			channel: 'online',
			authorName: 'Autor',
			userId: author.id,
			text: 'Text'
		});
	const unconfirmed = { ...(await person()), emailVerified: false };
	const actors: Record<Who, Actor> = {
		anonymous: anonymous(),
		'citizen, e-mail unconfirmed': unconfirmed,
		citizen: await person(),
		'organisation member': await person([], { verifications: ['organisation'] }),
		author,
		'space admin': await person([], { spaceRoles: { [spaceId]: ['admin'] } }),
		moderator: await person([], { spaceRoles: { [spaceId]: ['moderator'] } }),
		evaluator: await person([], { spaceRoles: { [spaceId]: ['evaluator'] } }),
		'platform admin': admin,
		'admin without 2FA': { ...(await person()), roles: [], pendingRoles: ['admin'], twoFactorEnabled: false }
	};
	return { spaceId, moduleId, actors, admin };
}

/** What the services decide: the module's rule and required verification, and for online actions the dates. */
async function decide(actor: Actor, action: Action, moduleId: string) {
	const { ctx, consultation } = await loadConsultation(db(), moduleId);
	const decision = can(actor, action, ctx, consultations);
	if (!decision.allowed) return false;
	return action === 'recommend' ? windowOpen(consultation, today) : true;
}

const staff: Who[] = ['space admin', 'platform admin'];
const signedIn = (who: Who) => who !== 'anonymous';
/** The expected matrix, by setting. */
function expected(setting: Setting, who: Who, action: Action): boolean {
	if (action === 'manage') return staff.includes(who);
	const publicNow = setting !== 'module unpublished' && setting !== 'space draft';
	if (action === 'read') return staff.includes(who) || publicNow;
	if (!publicNow || !signedIn(who) || setting === 'online off') return false;
	if (action === 'recommend') return setting === 'open' && who !== 'citizen, e-mail unconfirmed';
	// request_debate: only an account staff verified as an organisation (art. 7(9)); staff roles do not stand in.
	return who === 'organisation member';
}

const settings: Setting[] = ['open', 'window closed', 'online off', 'module unpublished', 'space draft'];

describe('the consultations permission matrix', () => {
	it.each(settings)('decides every action for every actor when %s', async (setting) => {
		const { moduleId, actors } = await setUp(setting);
		const got: string[] = [];
		const want: string[] = [];
		for (const action of consultations.actions)
			for (const [who, actor] of Object.entries(actors) as [Who, Actor][]) {
				got.push(`${action} ${who}: ${await decide(actor, action, moduleId)}`);
				want.push(`${action} ${who}: ${expected(setting, who, action)}`);
			}
		expect(got).toEqual(want);
	});
});

describe('every service the routes call refuses a forbidden actor and writes nothing', () => {
	const counts = async () => {
		const tables = [
			consultationsRecommendations,
			consultationsDebateRequests,
			consultationsAnnualReports,
			auditLog,
			moduleInstances
		];
		const n = await Promise.all(
			tables.map((t) =>
				db()
					.select({ n: sql<number>`count(*)::int` })
					.from(t)
			)
		);
		const [c] = await db().select().from(consultationsConsultations);
		return { n: n.map((r) => r[0].n), c: JSON.stringify({ ...c, updatedAt: null }) };
	};

	it('rejects citizens, moderators, evaluators and admins without 2FA on staff services', async () => {
		const { spaceId, moduleId, actors } = await setUp('window closed');
		const [request] = await db().select().from(consultationsDebateRequests);
		const [entry] = await db().select().from(consultationsRecommendations);
		const calls: [string, (a: Actor) => Promise<unknown>][] = [
			['manageConsultation', (a) => manageConsultation(a, { spaceId, moduleId })],
			[
				'saveAnnouncement',
				(a) =>
					saveAnnouncement(
						a,
						{ moduleId },
						{
							draftTitle: { ro: 'X' },
							explanatoryNote: { ro: 'X' },
							impactStudy: { ro: '' },
							draftText: { ro: 'X' },
							contactName: 'X',
							contactEmail: 'x@example.ro'
						}
					)
			],
			[
				'publishConsultation',
				(a) =>
					publishConsultation(
						a,
						{ moduleId },
						{ recommendationsCloseOn: today, approvalOn: today, shortenedReason: 'x' }
					)
			],
			[
				'recordRecommendation',
				(a) =>
					recordRecommendation(
						a,
						{ moduleId },
						{ channel: 'paper', receivedOn: today, authorName: 'X', text: 'X', late: true }
					)
			],
			[
				'decideRecommendation',
				(a) =>
					decideRecommendation(a, { moduleId }, { recommendationId: entry.id, outcome: 'accepted', outcomeReason: 'x' })
			],
			[
				'scheduleDebate',
				(a) =>
					scheduleDebate(
						a,
						{ moduleId },
						{
							requestId: request?.id ?? 'none',
							debateOn: today,
							debateTime: '10:00',
							debatePlace: 'Sala',
							meetingId: ''
						}
					)
			],
			[
				'publishSynthesis',
				(a) => publishSynthesis(a, { moduleId }, { synthesis: { ro: 'S' }, finalActNumber: '1', finalActOn: today })
			],
			['setUpConsultationSpace', (a) => setUpConsultationSpace(a, spaceId)],
			['viewAnnualReport', (a) => viewAnnualReport(a, 2026)],
			['saveAnnualReport', (a) => saveAnnualReport(a, 2026, { courtCases: 'x' })]
		];
		const before = await counts();
		for (const who of [
			'anonymous',
			'citizen',
			'author',
			'organisation member',
			'moderator',
			'evaluator',
			'admin without 2FA'
		] as Who[])
			for (const [name, call] of calls)
				await expect(call(actors[who]), `${name} by ${who}`).rejects.toThrow(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('rejects citizens’ online actions outside what the law and settings allow', async () => {
		const { moduleId, actors, spaceId } = await setUp('window closed');
		const before = await counts();
		await expect(submitRecommendation(actors.citizen, { moduleId }, { text: 'x' })).rejects.toThrow(ForbiddenError);
		await expect(submitRecommendation(actors.anonymous, { moduleId }, { text: 'x' })).rejects.toThrow(ForbiddenError);
		await expect(requestPublicDebate(actors.citizen, { moduleId }, { reason: 'x' })).rejects.toThrow(ForbiddenError);
		await expect(requestPublicDebate(actors.anonymous, { moduleId }, { reason: 'x' })).rejects.toThrow(ForbiddenError);
		expect(await counts()).toEqual(before);
		await unpublishProcess(actors['platform admin'], spaceId);
		const hidden = await counts();
		const slug = (await loadConsultation(db(), moduleId)).ctx.space.slug;
		await expect(viewConsultation(actors.citizen, { spaceSlug: slug, moduleId, locale: 'ro' })).rejects.toThrow(
			ForbiddenError
		);
		await expect(viewRegister(actors.citizen, { spaceSlug: slug, moduleId })).rejects.toThrow(ForbiddenError);
		await expect(registerForApi(actors.anonymous, moduleId)).rejects.toThrow(ForbiddenError);
		expect(await counts()).toEqual(hidden);
	});
});
