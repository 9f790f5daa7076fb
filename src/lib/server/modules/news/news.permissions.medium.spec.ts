/**
 * Permissions of the news module: every action × actor × phase setting, and every service the routes import,
 * called by a forbidden actor, is refused before it writes anything.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, files } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import {
	createNewsPost,
	deleteNewsPost,
	manageNews,
	manageNewsPost,
	news,
	updateNewsPost,
	viewNewsList,
	viewNewsPost
} from './index.ts';
import { newsPosts } from './schema.ts';

const database = useTestDatabase();
const db = () => database().db;

type Setup = { published?: boolean; spacePublished?: boolean; comments?: 'enabled' | 'blocked' | 'hidden' };

async function setup(admin: Actor, { published = true, spacePublished = true, comments = 'enabled' }: Setup = {}) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(admin, { spaceId: process.spaceId, manifest: news }, { title: { ro: 'Noutăți' } });
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	await configureModule(
		admin,
		{ spaceId: process.spaceId, moduleId, manifest: news },
		{
			title: { ro: 'Noutăți' },
			published,
			settings: {},
			// The current phase is the second one.
			phaseSettings: { [process.phaseIds[1]]: { comments } },
			requiredVerifications: {}
		}
	);
	if (spacePublished) await publishProcessAndModules(admin, process.spaceId);
	// publishProcessAndModules publishes the modules too: unpublish again when asked.
	if (spacePublished && !published)
		await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: news },
			{
				title: { ro: 'Noutăți' },
				published: false,
				settings: {},
				phaseSettings: { [process.phaseIds[1]]: { comments } },
				requiredVerifications: {}
			}
		);
	return { ...process, moduleId };
}

async function actors(spaceId: string): Promise<Record<string, Actor>> {
	const adminWithout2fa = { ...(await person()), pendingRoles: ['admin' as const] };
	return {
		anonymous: anonymous(),
		// Signed in, e-mail address not confirmed: the module's default verification for comments is missing.
		citizen: { ...(await person()), emailVerified: false },
		verifiedCitizen: await person([], { verifications: ['email'] }),
		// Announcements are written by staff: a former author without a role is just a citizen.
		formerAuthor: await person([], { verifications: ['email'] }),
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
		moderator: await person(['moderator'], { verifications: ['email'] }),
		evaluator: await person(['evaluator'], { verifications: ['email'] }),
		platformAdmin: await person(['admin'], { verifications: ['email'] }),
		adminWithout2fa
	};
}

const staff = ['spaceAdmin', 'platformAdmin'];
const everyone = [
	'anonymous',
	'citizen',
	'verifiedCitizen',
	'formerAuthor',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'platformAdmin',
	'adminWithout2fa'
];
// An admin without two-factor has no admin rights yet, but is a citizen with a confirmed address.
const signedInVerified = [
	'verifiedCitizen',
	'formerAuthor',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'platformAdmin',
	'adminWithout2fa'
];

/** Who may do each action, per setting. */
const expected: Record<string, Record<string, string[]>> = {
	'public, comments enabled': { read: everyone, comment: signedInVerified, manage: staff },
	'public, comments blocked': { read: everyone, comment: [], manage: staff },
	'public, comments hidden': { read: everyone, comment: [], manage: staff },
	'module unpublished': { read: staff, comment: [], manage: staff },
	'space draft': { read: staff, comment: [], manage: staff }
};
const setups: Record<string, Setup> = {
	'public, comments enabled': {},
	'public, comments blocked': { comments: 'blocked' },
	'public, comments hidden': { comments: 'hidden' },
	'module unpublished': { published: false },
	'space draft': { spacePublished: false }
};

describe('news permissions matrix', () => {
	it.each(Object.keys(setups))('%s', async (name) => {
		const admin = await person(['admin']);
		const { spaceId, moduleId } = await setup(admin, setups[name]);
		const people = await actors(spaceId);
		const { ctx } = await loadModule(db(), news, moduleId);
		const allowed: Record<string, string[]> = {};
		for (const action of news.actions)
			allowed[action] = Object.entries(people)
				.filter(([, actor]) => can(actor, action, ctx, news).allowed)
				.map(([who]) => who);
		expect(allowed).toEqual(expected[name]);
	});
});

describe('news services refuse forbidden actors before writing', () => {
	it('create, update, delete and the admin views are staff-only; nothing is written or audited', async () => {
		const admin = await person(['admin']);
		const { spaceId, moduleId, slug } = await setup(admin);
		const created = await createNewsPost(
			admin,
			{ moduleId },
			{
				title: { ro: 'Anunț' },
				body: { ro: 'Text' },
				imageAlt: { ro: '' },
				publish: 'now'
			}
		);
		const postId = created.ok ? created.value.id : '';
		const auditBefore = (await db().select().from(auditLog)).length;
		const input = { title: { ro: 'Altul' }, body: { ro: 'Text' }, imageAlt: { ro: '' }, publish: 'now' as const };
		const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'a.png', { type: 'image/png' });
		const people = await actors(spaceId);
		for (const who of Object.keys(people).filter((w) => !staff.includes(w))) {
			const actor = people[who];
			await expect(createNewsPost(actor, { moduleId }, input, { image }), who).rejects.toBeInstanceOf(ForbiddenError);
			await expect(updateNewsPost(actor, { moduleId, postId }, input, { image }), who).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(deleteNewsPost(actor, { moduleId, postId }), who).rejects.toBeInstanceOf(ForbiddenError);
			await expect(manageNews(actor, { spaceId, moduleId }), who).rejects.toBeInstanceOf(ForbiddenError);
			await expect(manageNewsPost(actor, { spaceId, moduleId, postId }), who).rejects.toBeInstanceOf(ForbiddenError);
		}
		const rows = await db().select().from(newsPosts);
		expect(rows.map((r) => r.title.ro)).toEqual(['Anunț']);
		expect(await db().select().from(files)).toHaveLength(0);
		expect(await db().select().from(auditLog)).toHaveLength(auditBefore);
		// Readers of a public module may read.
		expect((await viewNewsList(people.anonymous, { spaceSlug: slug, moduleId, locale: 'ro' })).posts).toHaveLength(1);
	});

	it('the public views refuse readers while the module is unpublished', async () => {
		const admin = await person(['admin']);
		const { spaceId, moduleId, slug } = await setup(admin, { published: false });
		const created = await createNewsPost(
			admin,
			{ moduleId },
			{
				title: { ro: 'Anunț' },
				body: { ro: 'Text' },
				imageAlt: { ro: '' },
				publish: 'now'
			}
		);
		const postId = created.ok ? created.value.id : '';
		const people = await actors(spaceId);
		for (const who of ['anonymous', 'verifiedCitizen', 'moderator', 'adminWithout2fa']) {
			await expect(viewNewsList(people[who], { spaceSlug: slug, moduleId, locale: 'ro' }), who).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				viewNewsPost(people[who], { spaceSlug: slug, moduleId, postId, locale: 'ro' }),
				who
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect((await viewNewsList(people.spaceAdmin, { spaceSlug: slug, moduleId, locale: 'ro' })).posts).toHaveLength(1);
	});
});
