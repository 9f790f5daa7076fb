/**
 * Permissions of the meetings module: every action × actor × phase setting, and every service the routes import,
 * called by a forbidden actor, is refused before it writes anything.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, resourceLinks, searchDocuments } from '../../platform/db/schema.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import {
	cancelMeeting,
	cancelRegistration,
	createMeeting,
	linkProposal,
	manageMeeting,
	manageMeetings,
	meetingCalendar,
	meetingFormChoices,
	meetings,
	processCalendar,
	publishMeeting,
	recordMinutes,
	registerForMeeting,
	scheduleMeeting,
	updateMeeting,
	viewMeeting,
	viewMeetings
} from './index.ts';
import { meetingInput } from './meetings.fixtures.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';

const database = useTestDatabase();
const db = () => database().db;

type Setup = {
	published?: boolean;
	spacePublished?: boolean;
	registrations?: 'enabled' | 'blocked';
	comments?: 'enabled' | 'blocked' | 'hidden';
};

async function setup(
	admin: Actor,
	{ published = true, spacePublished = true, registrations = 'enabled', comments = 'enabled' }: Setup = {}
) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: meetings },
		{ title: { ro: 'Întâlniri' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const configure = (isPublished: boolean) =>
		configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: meetings },
			{
				title: { ro: 'Întâlniri' },
				published: isPublished,
				settings: {},
				// The current phase is the second one.
				phaseSettings: { [process.phaseIds[1]]: { registrations, comments } },
				requiredVerifications: {}
			}
		);
	await configure(published);
	if (spacePublished) await publishProcessAndModules(admin, process.spaceId);
	if (spacePublished && !published) await configure(false);
	return { ...process, moduleId };
}

async function actors(spaceId: string): Promise<Record<string, Actor>> {
	return {
		anonymous: anonymous(),
		// Signed in, e-mail address not confirmed: the module's default verification for registering is missing.
		citizen: { ...(await person()), emailVerified: false },
		verifiedCitizen: await person([], { verifications: ['email'] }),
		// Meetings are organised by staff: the person who once registered is just a citizen.
		registrant: await person([], { verifications: ['email'] }),
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
		moderator: await person(['moderator'], { verifications: ['email'] }),
		evaluator: await person(['evaluator'], { verifications: ['email'] }),
		platformAdmin: await person(['admin'], { verifications: ['email'] }),
		adminWithout2fa: { ...(await person()), pendingRoles: ['admin' as const] }
	};
}

const staff = ['spaceAdmin', 'platformAdmin'];
const everyone = [
	'anonymous',
	'citizen',
	'verifiedCitizen',
	'registrant',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'platformAdmin',
	'adminWithout2fa'
];
// An admin without two-factor has no admin rights yet, but is a citizen with a confirmed address.
const signedInVerified = [
	'verifiedCitizen',
	'registrant',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'platformAdmin',
	'adminWithout2fa'
];

const expected: Record<string, Record<string, string[]>> = {
	'public, all enabled': { read: everyone, register: signedInVerified, comment: signedInVerified, manage: staff },
	'registrations blocked': { read: everyone, register: [], comment: signedInVerified, manage: staff },
	'comments blocked': { read: everyone, register: signedInVerified, comment: [], manage: staff },
	'comments hidden': { read: everyone, register: signedInVerified, comment: [], manage: staff },
	// Staff preview an unpublished module or a draft process as it will be.
	'module unpublished': { read: staff, register: staff, comment: staff, manage: staff },
	'space draft': { read: staff, register: staff, comment: staff, manage: staff }
};
const setups: Record<string, Setup> = {
	'public, all enabled': {},
	'registrations blocked': { registrations: 'blocked' },
	'comments blocked': { comments: 'blocked' },
	'comments hidden': { comments: 'hidden' },
	'module unpublished': { published: false },
	'space draft': { spacePublished: false }
};

describe('meetings permissions matrix', () => {
	it.each(Object.keys(setups))('%s', async (name) => {
		const admin = await person(['admin']);
		const { spaceId, moduleId } = await setup(admin, setups[name]);
		const people = await actors(spaceId);
		const { ctx } = await loadModule(db(), meetings, moduleId);
		const allowed: Record<string, string[]> = {};
		for (const action of meetings.actions)
			allowed[action] = Object.entries(people)
				.filter(([, actor]) => can(actor, action, ctx, meetings).allowed)
				.map(([who]) => who);
		expect(allowed).toEqual(expected[name]);
	});

	it('registration in a full meeting goes to the waiting list; a closed window or a past meeting refuses it', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await setup(admin);
		const r = await scheduleMeeting(admin, { moduleId, meeting: meetingInput({ capacity: 1 }), publish: true });
		if (!r.ok) throw new Error('schedule');
		const ids = { moduleId, meetingId: r.value.id };
		const [a, b] = await Promise.all([person(), person()]);
		expect(await registerForMeeting(a, ids)).toMatchObject({ ok: true, value: { status: 'registered' } });
		expect(await registerForMeeting(b, ids)).toMatchObject({ ok: true, value: { status: 'waiting' } });
		const later = new Date(Date.now() + 11 * 86_400_000);
		expect(await registerForMeeting(await person(), ids, {}, later)).toEqual({
			ok: false,
			errors: { _form: 'meetings_registration_past' }
		});
	});
});

describe('meetings services refuse forbidden actors before writing', () => {
	it('staff services refuse citizens, admins without two-factor and anonymous visitors; nothing is written or audited', async () => {
		const admin = await person(['admin']);
		const { spaceId, moduleId } = await setup(admin);
		const created = await scheduleMeeting(admin, { moduleId, meeting: meetingInput(), publish: true });
		if (!created.ok) throw new Error('schedule');
		const ids = { moduleId, meetingId: created.value.id };
		await db().insert(searchDocuments).values({ resourceType: 'proposal', resourceId: 'p1', title: 'P', url: '/p' });
		const before = {
			meetings: await db().select().from(meetingsMeetings),
			audit: (await db().select().from(auditLog)).length
		};
		const forbidden: Actor[] = [
			anonymous(),
			await person([], { verifications: ['email'] }),
			await person(['moderator'], { verifications: ['email'] }),
			{ ...(await person()), pendingRoles: ['admin' as const] }
		];
		for (const actor of forbidden) {
			const calls: (() => Promise<unknown>)[] = [
				() => manageMeetings(actor, { spaceId, moduleId }),
				() => meetingFormChoices(actor, { spaceId, moduleId }),
				() => manageMeeting(actor, { spaceId, ...ids }),
				() => createMeeting(actor, { moduleId }, meetingInput()),
				() => updateMeeting(actor, ids, meetingInput({ title: { ro: 'Schimbat' } })),
				() => publishMeeting(actor, ids, { overrideReason: 'x' }),
				() => cancelMeeting(actor, ids, { reason: 'x' }),
				() =>
					recordMinutes(
						actor,
						ids,
						{ minutes: { ro: 'x' }, attendanceCount: '3' },
						new Date(Date.now() + 11 * 86_400_000)
					),
				() => linkProposal(actor, ids, { proposal: 'p1' }),
				() => scheduleMeeting(actor, { moduleId, meeting: meetingInput(), publish: true })
			];
			for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await db().select().from(meetingsMeetings)).toEqual(before.meetings);
		expect((await db().select().from(auditLog)).length).toBe(before.audit);
		expect(await db().select().from(resourceLinks)).toEqual([]);
	});

	it('registration refuses anonymous visitors, unverified people and a blocked phase; reading a draft process is refused', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await setup(admin, { registrations: 'blocked' });
		const created = await scheduleMeeting(admin, { moduleId, meeting: meetingInput(), publish: true });
		if (!created.ok) throw new Error('schedule');
		const ids = { moduleId, meetingId: created.value.id };
		const unverified = { ...(await person()), emailVerified: false };
		for (const actor of [anonymous(), unverified, await person([], { verifications: ['email'] })])
			await expect(registerForMeeting(actor, ids)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(cancelRegistration(anonymous(), ids)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db().select().from(meetingsRegistrations)).toEqual([]);

		const draft = await setup(admin, { spacePublished: false });
		const hidden = await scheduleMeeting(admin, { moduleId: draft.moduleId, meeting: meetingInput(), publish: true });
		if (!hidden.ok) throw new Error('schedule');
		const citizen = await person([], { verifications: ['email'] });
		const hiddenIds = { moduleId: draft.moduleId, meetingId: hidden.value.id };
		await expect(viewMeetings(citizen, { spaceSlug: draft.slug, moduleId: draft.moduleId })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(viewMeeting(citizen, { spaceSlug: draft.slug, ...hiddenIds, locale: 'ro' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(meetingCalendar(anonymous(), hidden.value.id)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(registerForMeeting(citizen, hiddenIds)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(processCalendar(anonymous(), draft.slug)).rejects.toThrow(/Not found/);
		// The public process still reads fine for everyone.
		expect((await viewMeetings(anonymous(), { spaceSlug: slug, moduleId })).upcoming).toHaveLength(1);
	});
});
