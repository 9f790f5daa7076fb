import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../tests/setup/database.ts';
import { person } from '../../../tests/support/spaces.ts';
import { anonymous } from './platform/actors/actor.ts';
import { follow } from './platform/notifications/commands/follow.ts';
import { createProposal } from './modules/proposals/commands/create-proposal.ts';
import { supportProposal } from './modules/proposals/commands/support-proposal.ts';
import { citizen, proposalInput, proposalsModule } from './modules/proposals/test-support.ts';
import { randomUUID } from 'node:crypto';
import { type Actor } from './platform/actors/actor.ts';
import { loadSessionActor } from './platform/actors/load-actor.ts';
import { session } from './platform/db/schema.ts';
import { headerPerson, personalParts, type PersonalPart } from './personal-parts.ts';

const database = useTestDatabase();

const processPart = personalParts['/processes/[slug]'];
const listPart = personalParts['/processes/[slug]/proposals/[moduleId]'];
const url = (search = '') => new URL(`http://x/${search}`);

/**
 * The parts as the hooks make them: the plan from shared data, its personal value read in the statement of a real
 * session of this person, then the parts.
 */
async function readParts(part: PersonalPart, actor: Actor, params: Record<string, string>, at: URL) {
	const plan = await part.plan(params, at);
	if (actor.kind !== 'user') return plan.parts(actor, undefined);
	const token = randomUUID();
	const db = database().db;
	await db.insert(session).values({
		id: randomUUID(),
		token,
		userId: actor.id,
		expiresAt: new Date(Date.now() + 3_600_000),
		createdAt: new Date(),
		updatedAt: new Date()
	});
	const found = await loadSessionActor(db, token, {}, plan.extra);
	if (!found) throw new Error('no session');
	return plan.parts(found.actor, found.extra);
}

async function created(r: { ok: boolean; value?: { id: string } }) {
	if (!r.ok || !r.value) throw new Error('not created');
	return r.value.id;
}

// ADR 0007: the personal parts attached to the pages served shared to signed-in visitors.
describe('the personal parts of pages served shared', () => {
	it('of a process page: whether this person follows it', async () => {
		const admin = await person(['admin']);
		const { slug, spaceId } = await proposalsModule(admin);
		const ana = await citizen();
		expect(await readParts(processPart, ana, { slug }, url())).toEqual({ following: false, signedIn: true });
		await follow(ana, { resourceType: 'space', resourceId: spaceId });
		expect(await readParts(processPart, ana, { slug }, url())).toEqual({ following: true, signedIn: true });
		expect(await readParts(processPart, await citizen(), { slug }, url())).toEqual({
			following: false,
			signedIn: true
		});
		expect(await readParts(processPart, anonymous(), { slug }, url())).toEqual({ following: false, signedIn: false });
	});

	it('of a proposal list: what this person may do and which proposals of this page they support', async () => {
		const admin = await person(['admin']);
		const { slug, moduleId } = await proposalsModule(admin);
		const ids: string[] = [];
		for (const t of ['Bănci în parc', 'Copaci pe stradă', 'Iluminat pe alee'])
			ids.push(await created(await createProposal(await citizen(), { moduleId }, proposalInput(t))));
		const bea = await citizen();
		await supportProposal(bea, { moduleId, proposalId: ids[0] });
		await supportProposal(bea, { moduleId, proposalId: ids[2] });
		const first = await readParts(listPart, bea, { slug, moduleId }, url('?sort=newest'));
		expect(first).toMatchObject({ canCreate: { allowed: true }, isEvaluator: false });
		expect(new Set(first.supported as string[])).toEqual(new Set([ids[0], ids[2]]));
		// Only what the addressed page lists: the list is filtered by the query the page was served for.
		const filtered = await readParts(listPart, bea, { slug, moduleId }, url(`?q=${encodeURIComponent('Bănci')}`));
		expect(filtered.supported).toEqual([ids[0]]);
		const someoneElse = await readParts(listPart, await citizen(), { slug, moduleId }, url('?sort=newest'));
		expect(someoneElse.supported).toEqual([]);
		const nobody = await readParts(listPart, anonymous(), { slug, moduleId }, url());
		expect(nobody).toMatchObject({ canCreate: { allowed: false, reason: 'sign_in_required' }, supported: [] });
		// A page not everyone can see has no plan (it is rendered for the person).
		await expect(listPart.plan({ slug: 'no-such-process', moduleId }, url())).rejects.toThrow();
		// An evaluator's own assignments are personal: that list is never served shared.
		expect(listPart.shareable(new URL('http://x/?assigned=1'))).toBe(false);
		expect(listPart.shareable(new URL('http://x/?sort=supported'))).toBe(true);
	});

	it('of the header: the person without anything private beyond their name', async () => {
		const ana = await citizen();
		expect(headerPerson(ana, 3)).toEqual({
			id: ana.kind === 'user' ? ana.id : '',
			name: ana.kind === 'user' ? ana.name : '',
			isStaff: false,
			needsTwoFactor: false,
			unreadNotifications: 3
		});
		expect(headerPerson(anonymous(), 0)).toBeNull();
	});
});
