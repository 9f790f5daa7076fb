/**
 * Permissions of the consultations module: (1) the matrix action × actor × setting, decided as the services decide
 * (module rule, required verification, the window's dates), including the comments on the consultation page (the
 * phase setting) and the verification stored on the instance; (2) every service the routes import, called by a
 * forbidden actor, throws ForbiddenError and writes nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processInput } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor, type VerificationKind } from '../../platform/actors/actor.ts';
import { addCalendarDays, todayInBucharest } from '../../platform/calendar/index.ts';
import { resolveTarget } from '../../platform/comments/commentables.ts';
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
	| 'resident'
	| 'organisation member'
	| 'author'
	| 'space admin'
	| 'moderator'
	| 'evaluator'
	| 'platform admin'
	| 'admin without 2FA';
type Action = (typeof consultations.actions)[number];
/** What the matrix checks: the module's actions, plus reading and writing comments on the consultation page. */
type Check = Action | 'read comments' | 'comment';

/** Every setting the matrix runs under, as data: `setUp` applies it and `expected` derives the answers from it. */
const settingTable = {
	open: {},
	'window closed': { windowClosed: true },
	'online off': { onlineOff: true },
	'module unpublished': { moduleUnpublished: true },
	'space draft': { spaceDraft: true },
	'comments blocked in the phase': { comments: 'blocked' },
	'comments hidden in the phase': { comments: 'hidden' },
	'recommend raised to residence': { verifications: { recommend: 'residence' } },
	'no verification to recommend': { verifications: { recommend: '' } },
	'debate requests need residence too': { verifications: { request_debate: 'residence' } },
	'no verification to request a debate': { verifications: { request_debate: '' } }
} satisfies Record<string, SettingSpec>;
type SettingSpec = {
	windowClosed?: boolean;
	onlineOff?: boolean;
	moduleUnpublished?: boolean;
	spaceDraft?: boolean;
	comments?: 'enabled' | 'blocked' | 'hidden';
	/** Stored in `module_instances.required_verifications`; '' = none. */
	verifications?: Partial<Record<Action, VerificationKind | ''>>;
};
type Setting = keyof typeof settingTable;
const spec = (setting: Setting): SettingSpec => settingTable[setting];

async function setUp(setting: Setting) {
	const admin = await person(['admin']);
	const created = await createProcess(admin, processInput('Consultare'), { kind: 'consultation' });
	if (!created.ok) throw new Error('process');
	const spaceId = created.value.id;
	const phase = await addPhase(admin, spaceId, {
		title: { ro: 'Consultare' },
		description: { ro: '' },
		startsOn: addCalendarDays(today, -60),
		endsOn: addCalendarDays(today, 60)
	});
	if (!phase.ok) throw new Error('phase');
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
	const publishedOn = addCalendarDays(today, spec(setting).windowClosed ? -30 : -1);
	const min = minimumDates(publishedOn);
	await publishConsultation(
		admin,
		{ moduleId, today: publishedOn },
		{ recommendationsCloseOn: min.recommendations.due, approvalOn: min.approval.due, shortenedReason: '' }
	);
	const { onlineOff, comments, verifications = {} } = spec(setting);
	if (onlineOff || comments || Object.keys(verifications).length) {
		const configured = await configureModule(
			admin,
			{ spaceId, moduleId, manifest: consultations },
			{
				title: { ro: 'Consultare' },
				published: true,
				settings: { onlineRecommendations: !onlineOff, onlineDebateRequests: !onlineOff },
				phaseSettings: comments ? { [phase.value.id]: { comments } } : {},
				requiredVerifications: verifications
			}
		);
		if (!configured.ok) throw new Error(`configure: ${JSON.stringify(configured.errors)}`);
	}
	if (spec(setting).moduleUnpublished)
		await db().update(moduleInstances).set({ published: false }).where(eq(moduleInstances.id, moduleId));
	if (spec(setting).spaceDraft) await unpublishProcess(admin, spaceId);
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
		resident: await person([], { verifications: ['residence'] }),
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

/** What the services decide: the module's rule and required verification, for online actions the dates, and for
 * comments what the consultation's comment target (registered by the manifest) answers. */
async function decide(actor: Actor, check: Check, moduleId: string) {
	const { ctx, consultation } = await loadConsultation(db(), moduleId);
	if (check === 'read comments' || check === 'comment') {
		const target = await resolveTarget(db(), actor, 'consultation', consultation.id);
		return !!target && (check === 'comment' ? target.canComment : target.canRead).allowed;
	}
	const decision = can(actor, check, ctx, consultations);
	if (!decision.allowed) return false;
	return check === 'recommend' ? windowOpen(consultation, today) : true;
}

const staff: Who[] = ['space admin', 'platform admin'];
/** The verifications each actor of `setUp` holds (every account there has a confirmed e-mail but one). */
const heldBy = (who: Who): VerificationKind[] =>
	who === 'anonymous' || who === 'citizen, e-mail unconfirmed'
		? []
		: who === 'resident'
			? ['email', 'residence']
			: who === 'organisation member'
				? ['email', 'organisation']
				: ['email'];
const signedIn = (who: Who) => who !== 'anonymous';
/** The verification an action needs under a setting: the stored override, else the manifest's default. */
function needed(setting: Setting, action: Action): VerificationKind | null {
	const stored = spec(setting).verifications ?? {};
	if (action in stored) return stored[action] || null;
	return (consultations.defaultVerification as Record<string, VerificationKind | null>)[action] ?? null;
}
/** The expected matrix, derived from the setting's row of `settingTable` and what each actor holds. */
function expected(setting: Setting, who: Who, check: Check): boolean {
	const { windowClosed, onlineOff, moduleUnpublished, spaceDraft, comments = 'enabled' } = spec(setting);
	const holds = (kind: VerificationKind | null) => !kind || heldBy(who).includes(kind);
	const publicNow = !moduleUnpublished && !spaceDraft;
	const reads = staff.includes(who) || publicNow;
	// Comments: read with the consultation (hidden from all but staff), written when enabled, by whoever holds the
	// verification required to recommend (e-mail at least: the comment target falls back to it).
	if (check === 'read comments') return reads && (comments !== 'hidden' || staff.includes(who));
	if (check === 'comment') return reads && comments === 'enabled' && holds(needed(setting, 'recommend') ?? 'email');
	if (check === 'manage') return staff.includes(who);
	if (check === 'read') return reads;
	if (!publicNow || !signedIn(who) || onlineOff) return false;
	if (check === 'recommend') return !windowClosed && holds(needed(setting, 'recommend'));
	// request_debate: only an account staff verified as an organisation (art. 7(9)), always; staff roles do not
	// stand in; a verification the space adds is needed on top.
	return holds('organisation') && holds(needed(setting, 'request_debate'));
}

const settings = Object.keys(settingTable) as Setting[];
const checks: Check[] = [...consultations.actions, 'read comments', 'comment'];

describe('the consultations permission matrix', () => {
	it.each(settings)('decides every action for every actor when %s', async (setting) => {
		const { moduleId, actors } = await setUp(setting);
		const got: string[] = [];
		const want: string[] = [];
		for (const check of checks)
			for (const [who, actor] of Object.entries(actors) as [Who, Actor][]) {
				got.push(`${check} ${who}: ${await decide(actor, check, moduleId)}`);
				want.push(`${check} ${who}: ${expected(setting, who, check)}`);
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
