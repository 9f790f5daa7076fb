/**
 * Comments: every action × every kind of actor × the resource's comment setting, allowed or ForbiddenError, and a
 * forbidden call writes nothing. The resource is the test commentable (its module decides canRead/canComment).
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, insertPerson } from '../../../../../tests/support/people.ts';
import { anonymous, type Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import {
	auditLog,
	commentBlocks,
	commentReports,
	comments,
	commentVotes,
	rateLimits,
	spaceRoles,
	spaces,
	verifications
} from '../db/schema.ts';
import { ForbiddenError } from '../result.ts';
import {
	blockUser,
	createComment,
	deleteComment,
	dismissReports,
	editComment,
	hideComment,
	reportComment,
	restoreComment,
	unblockUser,
	viewCommentBlocks,
	viewCommentForEdit,
	viewCommentForModeration,
	viewCommentForReport,
	viewComments,
	viewModerationQueue,
	voteComment
} from './index.ts';
import { testItem, type TestItem } from './test-commentable.ts';

useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'citizen'
	| 'verified citizen'
	| 'author'
	| 'space admin'
	| 'space moderator'
	| 'other space moderator'
	| 'moderator'
	| 'evaluator'
	| 'staff'
	| 'admin'
	| 'admin without 2FA'
	| 'blocked citizen';
const who: Who[] = [
	'anonymous',
	'citizen',
	'verified citizen',
	'author',
	'space admin',
	'space moderator',
	'other space moderator',
	'moderator',
	'evaluator',
	'staff',
	'admin',
	'admin without 2FA',
	'blocked citizen'
];
const actors = {} as Record<Who, Actor>;
let spaceId: string;
let blockTarget: string;

beforeAll(async () => {
	const db = await getDb();
	const space = async (slug: string) => {
		const t = { ro: slug };
		const [row] = await db
			.insert(spaces)
			.values({
				slug,
				title: t,
				summary: t,
				description: t,
				organiser: t,
				decides: t,
				expectedResult: t,
				status: 'published'
			})
			.returning({ id: spaces.id });
		return row.id;
	};
	spaceId = await space('piata-victoriei');
	const otherSpaceId = await space('alt-proces');
	const add = async (
		name: string,
		roles: ('admin' | 'staff' | 'moderator' | 'evaluator')[] = [],
		twoFactor = roles.length > 0
	) => insertPerson(`${name.replace(/\W+/g, '-')}@example.ro`, { roles, twoFactor, name });
	actors.anonymous = anonymous({ ip: '198.51.100.2' });
	actors.citizen = await actorOf(await add('citizen'));
	const verified = await add('verified citizen');
	await db.insert(verifications).values({ userId: verified, kind: 'residence', method: 'census' });
	actors['verified citizen'] = await actorOf(verified);
	actors.author = await actorOf(await add('author'));
	for (const [name, role, space] of [
		['space admin', 'admin', spaceId],
		['space moderator', 'moderator', spaceId],
		['other space moderator', 'moderator', otherSpaceId]
	] as const) {
		const id = await add(name);
		await db.insert(spaceRoles).values({ userId: id, spaceId: space, role });
		actors[name] = await actorOf(id);
	}
	for (const role of ['moderator', 'evaluator', 'staff', 'admin'] as const)
		actors[role] = await actorOf(await add(role, [role]));
	actors['admin without 2FA'] = await actorOf(await add('admin without 2FA', ['admin'], false));
	const blocked = await add('blocked citizen');
	await db.insert(commentBlocks).values({ userId: blocked, reason: 'Spam repetat' });
	actors['blocked citizen'] = await actorOf(blocked);
	blockTarget = await add('block target');
});

type Setting = 'enabled' | 'blocked' | 'hidden' | 'verification';
const itemFor = (setting: Setting): Partial<TestItem> =>
	setting === 'verification' ? { verification: 'residence' } : { comments: setting };

/** A fresh resource and comment by the author (written while comments were open), then the setting applied. */
async function fixture(setting: Setting) {
	// The author writes hundreds of fixtures: the per-person rate limit is not what this table tests.
	await (await getDb()).delete(rateLimits);
	const r = testItem({ spaceId, authorIds: [] });
	r.item.verification = null;
	const written = await createComment(actors.author, r, {
		body: 'Propun o pistă de biciclete pe Bulevardul Revoluției.'
	});
	if (!written.ok) throw new Error(JSON.stringify(written.errors));
	Object.assign(r.item, itemFor(setting));
	return { resource: { resourceType: r.resourceType, resourceId: r.resourceId }, commentId: written.value.id };
}

type Action = (a: Actor, f: Awaited<ReturnType<typeof fixture>>) => Promise<unknown>;
const actions: Record<string, Action> = {
	comment: (a, f) => createComment(a, f.resource, { body: 'Sunt de acord.' }),
	reply: (a, f) => createComment(a, { parentId: f.commentId }, { body: 'Și eu.' }),
	edit: (a, f) => editComment(a, f.commentId, { body: 'Text nou.' }),
	'edit form': (a, f) => viewCommentForEdit(a, f.commentId),
	delete: (a, f) => deleteComment(a, f.commentId),
	vote: (a, f) => voteComment(a, f.commentId, 'up'),
	report: (a, f) => reportComment(a, f.commentId, { reason: 'spam' }),
	'report form': (a, f) => viewCommentForReport(a, f.commentId),
	hide: (a, f) => hideComment(a, f.commentId, { reason: 'Limbaj nepotrivit' }),
	restore: (a, f) => restoreComment(a, f.commentId),
	dismiss: (a, f) => dismissReports(a, f.commentId),
	'moderation view': (a, f) => viewCommentForModeration(a, f.commentId),
	'moderation queue': (a) => viewModerationQueue(a, {}),
	block: (a) => blockUser(a, blockTarget, { reason: 'Mesaje repetate' }),
	unblock: (a) => unblockUser(a, blockTarget),
	'blocked list': (a) => viewCommentBlocks(a)
};

// Written out by hand on purpose: the table is the specification.
const Y = true;
const N = false;
// prettier-ignore
//                                anon cit  vcit auth sadm smod osmd mod  eval stf  adm  a-2fa blocked
const enabled: Record<string, boolean[]> = {
	comment: /*            */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N],
	reply: /*              */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N],
	edit: /*               */ [N, N, N, Y, N, N, N, N, N, N, N, N, N],
	'edit form': /*        */ [N, N, N, Y, N, N, N, N, N, N, N, N, N],
	delete: /*             */ [N, N, N, Y, N, N, N, N, N, N, N, N, N],
	vote: /*               */ [N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, N],
	report: /*             */ [N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
	'report form': /*      */ [N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
	hide: /*               */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N],
	restore: /*            */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N],
	dismiss: /*            */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N],
	'moderation view': /*  */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N],
	'moderation queue': /* */ [N, N, N, N, Y, Y, Y, Y, N, N, Y, N, N],
	block: /*              */ [N, N, N, N, N, N, N, Y, N, N, Y, N, N],
	unblock: /*            */ [N, N, N, N, N, N, N, Y, N, N, Y, N, N],
	'blocked list': /*     */ [N, N, N, N, N, N, N, Y, N, N, Y, N, N]
};

// The phase setting changes what citizens may do; moderation does not depend on it.
// prettier-ignore
const bySetting: Record<Exclude<Setting, 'enabled'>, Record<string, boolean[]>> = {
	//                                  anon cit  vcit auth sadm smod osmd mod  eval stf  adm  a-2fa blocked
	blocked: {
		comment: /*        */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		reply: /*          */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		edit: /*           */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		delete: /*         */ [N, N, N, Y, N, N, N, N, N, N, N, N, N],
		vote: /*           */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		report: /*         */ [N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
		hide: /*           */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N]
	},
	hidden: {
		comment: /*        */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		edit: /*           */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		delete: /*         */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		vote: /*           */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		report: /*         */ [N, N, N, N, N, N, N, N, N, N, N, N, N],
		hide: /*           */ [N, N, N, N, Y, Y, N, Y, N, N, Y, N, N]
	},
	verification: {
		comment: /*        */ [N, N, Y, N, N, N, N, N, N, N, N, N, N],
		vote: /*           */ [N, N, Y, N, N, N, N, N, N, N, N, N, N],
		report: /*         */ [N, Y, Y, N, Y, Y, Y, Y, Y, Y, Y, Y, Y]
	}
};

async function footprint() {
	const db = await getDb();
	const n = async (
		t: typeof comments | typeof commentVotes | typeof commentReports | typeof commentBlocks | typeof auditLog
	) => (await db.select({ n: count() }).from(t))[0].n;
	return [await n(comments), await n(commentVotes), await n(commentReports), await n(commentBlocks), await n(auditLog)];
}

async function outcome(action: Action, actor: Actor, setting: Setting) {
	const f = await fixture(setting);
	const before = await footprint();
	try {
		await action(actor, f);
		return 'allowed';
	} catch (err) {
		if (!(err instanceof ForbiddenError)) throw err;
		// A refused call leaves no trace: no comment, vote, report, block or audit entry.
		expect(await footprint()).toEqual(before);
		return 'forbidden';
	} finally {
		// Undo a block so the next row starts from the same state.
		await unblockUser(actors.admin, blockTarget);
	}
}

const cases = [
	...Object.entries(enabled).flatMap(([name, row]) =>
		who.map((w, i) => ({ setting: 'enabled' as Setting, name, w, expected: row[i] }))
	),
	...Object.entries(bySetting).flatMap(([setting, table]) =>
		Object.entries(table).flatMap(([name, row]) =>
			who.map((w, i) => ({ setting: setting as Setting, name, w, expected: row[i] }))
		)
	)
];

describe('comment actions × actors × comment setting', () => {
	it.each(cases)('$setting: $name by $w → allowed $expected', async ({ setting, name, w, expected }) => {
		expect(await outcome(actions[name], actors[w], setting)).toBe(expected ? 'allowed' : 'forbidden');
	});
});

describe('reading', () => {
	it('hides the whole thread when the module hides comments, and says why a person may not write', async () => {
		const hidden = await fixture('hidden');
		expect(await viewComments(actors.citizen, { ...hidden.resource, url: '/x' })).toEqual({ visible: false });
		const closed = await fixture('blocked');
		expect(await viewComments(actors.citizen, { ...closed.resource, url: '/x' })).toMatchObject({
			visible: true,
			canComment: false,
			reason: 'test_comments_blocked'
		});
		const open = await fixture('verification');
		expect(await viewComments(actors.citizen, { ...open.resource, url: '/x' })).toMatchObject({
			canComment: false,
			reason: 'verification_required'
		});
		expect(await viewComments(actors['verified citizen'], { ...open.resource, url: '/x' })).toMatchObject({
			canComment: true
		});
		expect(await viewComments(actors.anonymous, { ...open.resource, url: '/x' })).toMatchObject({
			canComment: false,
			reason: 'sign_in_required'
		});
	});
});
