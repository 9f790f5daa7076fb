/**
 * Desks: in-person verification, paper voters, assisted votes, paper ballots entered twice (agreement, mismatch and
 * resolution, invalid ballots in the rejected-ballot report), concurrency of second entries, and reconciliation.
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog, outbox, user, verifications } from '../../platform/db/schema.ts';
import { castInBallotBox } from './ballot-box.ts';
import { castBallot } from './commands/cast-ballot.ts';
import * as api from './index.ts';
import type { RawChoices } from './desk-forms.ts';
import { budgetsBallots, budgetsPaperEntries, budgetsVoters } from './schema.ts';
import { budgetEdition, voter, type Edition } from './test-support.ts';

const database = useTestDatabase();

const raw = (ids: string[]): RawChoices => ({ chosen: ids, points: {}, ranks: {} });
const paper = (serial: string, ids: string[]) => ({ serial, validity: 'valid' as const, raw: raw(ids) });
const invalidPaper = (serial: string, invalidReason: 'unreadable' | 'not_signed_or_stamped') => ({
	serial,
	validity: 'invalid' as const,
	invalidReason,
	raw: raw([])
});

async function desk(setup: Parameters<typeof budgetEdition>[1] = {}) {
	void database;
	const admin = await person(['admin']);
	const edition = await budgetEdition(admin, { stage: 'voting', ...setup });
	const staff = [await person(['staff']), await person(['staff']), await person(['staff'])];
	const created = await api.saveDesk(
		admin,
		{ moduleId: edition.moduleId },
		{ name: 'Primăria, Bd. C.D. Loga 1', address: 'Bd. C.D. Loga 1' }
	);
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const at = { moduleId: edition.moduleId, deskId: created.value.id };
	return { admin, edition, staff, at };
}

const zone1 = (e: Edition) => e.projects.filter((p) => p.zoneId === e.pots[0].id).map((p) => p.id);

const boxRows = async (moduleId: string) =>
	(await getDb()).select().from(budgetsBallots).where(eq(budgetsBallots.moduleId, moduleId));
const roll = async (moduleId: string) =>
	(await getDb()).select().from(budgetsVoters).where(eq(budgetsVoters.moduleId, moduleId));
const entries = async (moduleId: string) =>
	(await getDb()).select().from(budgetsPaperEntries).where(eq(budgetsPaperEntries.moduleId, moduleId));

async function verified(staff: Actor, at: { moduleId: string; deskId: string }) {
	const citizen = await voter();
	const r = await api.verifyAtDesk(
		staff,
		{ ...at, userId: citizen.id },
		{ documentType: 'identity_card', kinds: ['residence', 'age'] }
	);
	expect(r).toEqual({ ok: true, value: { kinds: ['in_person', 'residence', 'age'] } });
	return citizen;
}

describe('desks and in-person verification', () => {
	it('creates a desk and refuses one without a name', async () => {
		const { admin, edition, at } = await desk();
		expect(await api.saveDesk(admin, { moduleId: edition.moduleId }, { name: ' ', address: '' })).toEqual({
			ok: false,
			errors: { name: 'validation_required' }
		});
		const view = await api.manageDesks(admin, { spaceId: edition.spaceId, moduleId: edition.moduleId });
		expect(view.desks.map((d) => d.id)).toEqual([at.deskId]);
	});

	it('records the document type of an in-person check, never a number, and finds the person by phone or e-mail', async () => {
		const { staff, at, edition } = await desk();
		const citizen = await verified(staff[0], at);
		const db = await getDb();
		const proofs = await db.select().from(verifications).where(eq(verifications.userId, citizen.id));
		const inPerson = proofs.find((p) => p.kind === 'in_person')!;
		expect(inPerson).toMatchObject({
			method: 'in_person',
			documentType: 'identity_card',
			verifiedBy: staff[0].id,
			detail: null
		});
		await db.insert(verifications).values({ userId: citizen.id, kind: 'phone', method: 'sms', detail: '+40722123456' });
		const where = { spaceId: edition.spaceId, ...at };
		expect((await api.viewDesk(staff[1], { ...where, q: '0722 123 456' })).citizen?.id).toBe(citizen.id);
		expect((await api.viewDesk(staff[1], { ...where, q: citizen.email.toUpperCase() })).citizen?.id).toBe(citizen.id);
		expect((await api.viewDesk(staff[1], { ...where, q: 'nobody@example.ro' })).citizen).toBeNull();
	});
});

describe('paper voters and assisted votes', () => {
	it('records a paper voter once; a second record and an online vote afterwards are refused', async () => {
		const { staff, at, edition } = await desk();
		const stranger = await voter();
		expect(await api.recordPaperVoter(staff[0], { ...at, userId: stranger.id })).toEqual({
			ok: false,
			errors: { _form: 'budgets_desk_error_not_verified' }
		});
		const citizen = await verified(staff[0], at);
		expect((await api.recordPaperVoter(staff[0], { ...at, userId: citizen.id })).ok).toBe(true);
		expect(await api.recordPaperVoter(staff[1], { ...at, userId: citizen.id })).toEqual({
			ok: false,
			errors: { _form: 'budgets_desk_error_already_voted_paper' }
		});
		const online = await (
			await getDb()
		).transaction((tx) =>
			castInBallotBox(tx, {
				moduleId: edition.moduleId,
				userId: citizen.id,
				channel: 'online',
				choices: [{ zoneId: edition.pots[0].id, projectIds: zone1(edition).slice(0, 1) }]
			})
		);
		expect(online).toMatchObject({ status: 'already_voted', channel: 'paper', deskId: at.deskId });
		// The same through the online voting command: a clear "already voted on paper at this desk".
		const cast = await castBallot(
			citizen,
			{ moduleId: edition.moduleId },
			{
				zone: edition.pots[0].id,
				selection: [{ projectId: zone1(edition)[0] }],
				declareAge: true,
				declareResidence: true
			}
		);
		expect(cast).toMatchObject({
			ok: true,
			value: { status: 'already_voted', channel: 'paper', deskName: 'Primăria, Bd. C.D. Loga 1' }
		});
		expect(await roll(edition.moduleId)).toMatchObject([
			{ userId: citizen.id, channel: 'paper', deskId: at.deskId, staffId: staff[0].id }
		]);
		expect(await boxRows(edition.moduleId)).toEqual([]);
		const where = { spaceId: edition.spaceId, ...at };
		expect((await api.viewDesk(staff[1], { ...where, userId: citizen.id })).citizen?.voted).toMatchObject({
			channel: 'paper',
			deskName: 'Primăria, Bd. C.D. Loga 1'
		});
	});

	it('casts an assisted ballot into the box with the desk, logs it without the choices, sends the receipt', async () => {
		const { staff, at, edition } = await desk();
		const citizen = await verified(staff[0], at);
		const choice = zone1(edition).slice(0, 3);
		const r = await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(choice));
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.value.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
		const box = await boxRows(edition.moduleId);
		expect(box).toHaveLength(1);
		expect(box[0]).toMatchObject({ channel: 'assisted', deskId: at.deskId });
		expect(box[0].choices).toEqual([{ zoneId: edition.pots[0].id, projectIds: choice }]);
		expect(await roll(edition.moduleId)).toMatchObject([
			{ userId: citizen.id, channel: 'assisted', deskId: at.deskId, staffId: staff[0].id }
		]);
		const db = await getDb();
		const [log] = await db.select().from(auditLog).where(eq(auditLog.action, 'budgets.assisted_vote'));
		expect(log).toMatchObject({ actorId: staff[0].id, resourceId: citizen.id });
		expect(JSON.stringify(log.data)).not.toContain(choice[0]);
		const mail = await db.select().from(outbox).where(eq(outbox.to, citizen.email));
		expect(mail.map((m) => m.text).join()).toContain(r.value.receipt);
		expect(await api.castAssistedBallot(staff[1], { ...at, userId: citizen.id }, raw(choice))).toEqual({
			ok: false,
			errors: { _form: 'budgets_desk_error_already_voted_assisted' }
		});
		expect(await boxRows(edition.moduleId)).toHaveLength(1);
	});

	it('refuses an assisted ballot the rules reject (too many choices, two zones)', async () => {
		const { staff, at, edition } = await desk();
		const citizen = await verified(staff[0], at);
		expect(await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(zone1(edition)))).toEqual({
			ok: false,
			errors: { _form: 'budgets_vote_error_too_many' }
		});
		const two = [zone1(edition)[0], edition.projects.find((p) => p.zoneId === edition.pots[1].id)!.id];
		expect(await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(two))).toEqual({
			ok: false,
			errors: { _form: 'budgets_desk_error_several_zones' }
		});
		expect(await boxRows(edition.moduleId)).toEqual([]);
		expect(await roll(edition.moduleId)).toEqual([]);
	});
	it('applies the edition’s voter eligibility to an assisted vote (residence zone from the profile)', async () => {
		const { staff, at, edition } = await desk({ settings: { voterZones: 'residence' } });
		const citizen = await verified(staff[0], at);
		const one = zone1(edition).slice(0, 1);
		expect(await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(one))).toEqual({
			ok: false,
			errors: { _form: 'budgets_vote_need_neighbourhood' }
		});
		const db = await getDb();
		await db.update(user).set({ neighbourhoodId: edition.pots[1].neighbourhoodId }).where(eq(user.id, citizen.id));
		expect(await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(one))).toMatchObject({
			ok: false,
			errors: { _form: 'budgets_vote_error_zone_not_allowed' }
		});
		await db.update(user).set({ neighbourhoodId: edition.pots[0].neighbourhoodId }).where(eq(user.id, citizen.id));
		expect((await api.castAssistedBallot(staff[0], { ...at, userId: citizen.id }, raw(one))).ok).toBe(true);
		expect(await boxRows(edition.moduleId)).toHaveLength(1);
	});
});

describe('paper ballots entered twice', () => {
	it('two equal entries put one ballot in the box and mark both accepted', async () => {
		const { staff, at, edition } = await desk();
		const choice = zone1(edition).slice(0, 2);
		expect(await api.enterPaperBallot(staff[0], at, paper('tm-0001', choice))).toEqual({
			ok: true,
			value: { serial: 'TM-0001', entry: 1, outcome: 'pending' }
		});
		expect(await boxRows(edition.moduleId)).toEqual([]);
		expect(await api.enterPaperBallot(staff[1], at, paper('TM-0001', [...choice].reverse()))).toEqual({
			ok: true,
			value: { serial: 'TM-0001', entry: 2, outcome: 'accepted' }
		});
		const box = await boxRows(edition.moduleId);
		expect(box).toHaveLength(1);
		expect(box[0]).toMatchObject({ channel: 'paper', deskId: at.deskId, changeKey: null });
		expect((await entries(edition.moduleId)).map((e) => e.status)).toEqual(['accepted', 'accepted']);
		expect(await api.enterPaperBallot(staff[2], at, paper('TM-0001', choice))).toEqual({
			ok: false,
			errors: { serial: 'budgets_desk_error_entered_twice' }
		});
	});

	it('the same person cannot enter both readings', async () => {
		const { staff, at, edition } = await desk();
		await api.enterPaperBallot(staff[0], at, paper('TM-0002', zone1(edition).slice(0, 1)));
		expect(await api.enterPaperBallot(staff[0], at, paper('TM-0002', zone1(edition).slice(0, 1)))).toEqual({
			ok: false,
			errors: { serial: 'budgets_desk_error_same_person' }
		});
		expect(await entries(edition.moduleId)).toHaveLength(1);
	});

	it('a mismatch is flagged with nothing in the box; a third person resolves it and it is logged', async () => {
		const { staff, at, edition, admin } = await desk();
		const [a, b, c] = zone1(edition);
		await api.enterPaperBallot(staff[0], at, paper('TM-0003', [a, b]));
		expect(await api.enterPaperBallot(staff[1], at, paper('TM-0003', [a, c]))).toMatchObject({
			ok: true,
			value: { outcome: 'mismatch' }
		});
		expect(await boxRows(edition.moduleId)).toEqual([]);
		const where = { spaceId: edition.spaceId, moduleId: edition.moduleId };
		const flagged = await api.viewPaperMismatches(staff[2], where);
		expect(flagged.mismatches.map((m) => [m.serial, m.entries.length])).toEqual([['TM-0003', 2]]);
		expect(await api.resolvePaperMismatch(staff[1], where, paper('TM-0003', [a, b]))).toEqual({
			ok: false,
			errors: { _form: 'budgets_desk_error_supervisor_entered' }
		});
		expect(await api.resolvePaperMismatch(admin, where, paper('TM-0003', [a, b]))).toEqual({
			ok: true,
			value: { serial: 'TM-0003', outcome: 'accepted' }
		});
		const box = await boxRows(edition.moduleId);
		expect(box.map((r) => r.choices)).toEqual([[{ zoneId: edition.pots[0].id, projectIds: [a, b] }]]);
		expect((await entries(edition.moduleId)).map((e) => [e.entry, e.status]).sort()).toEqual([
			[1, 'resolved'],
			[2, 'resolved'],
			[3, 'accepted']
		]);
		expect((await api.viewPaperMismatches(staff[2], where)).mismatches).toEqual([]);
		const db = await getDb();
		const [{ n }] = await db
			.select({ n: count() })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'budgets.paper_resolve'), eq(auditLog.actorId, admin.id)));
		expect(n).toBe(1);
		expect(await api.resolvePaperMismatch(staff[2], where, paper('TM-0003', [a]))).toEqual({
			ok: false,
			errors: { serial: 'budgets_desk_error_no_mismatch' }
		});
	});

	it('concurrent second entries end with exactly one ballot in the box', async () => {
		const { staff, at, edition } = await desk();
		const choice = zone1(edition).slice(0, 2);
		await api.enterPaperBallot(staff[0], at, paper('TM-0004', choice));
		const results = await Promise.all([
			api.enterPaperBallot(staff[1], at, paper('TM-0004', choice)),
			api.enterPaperBallot(staff[2], at, paper('TM-0004', choice))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			{ ok: false, errors: { serial: 'budgets_desk_error_entered_twice' } }
		]);
		expect(await boxRows(edition.moduleId)).toHaveLength(1);
		expect(await entries(edition.moduleId)).toHaveLength(2);
	});

	it('invalid paper ballots are listed in the rejected-ballot report with reason, desk and who entered them', async () => {
		const { staff, at, edition, admin } = await desk();
		await api.enterPaperBallot(staff[0], at, invalidPaper('TM-0005', 'not_signed_or_stamped'));
		expect(await api.enterPaperBallot(staff[1], at, invalidPaper('TM-0005', 'not_signed_or_stamped'))).toMatchObject({
			ok: true,
			value: { outcome: 'rejected' }
		});
		// Both readings agree on six ticks where five are allowed: the rules reject it, and it is reported, not dropped.
		await api.enterPaperBallot(staff[0], at, paper('TM-0006', zone1(edition)));
		expect(await api.enterPaperBallot(staff[1], at, paper('TM-0006', zone1(edition)))).toMatchObject({
			ok: true,
			value: { outcome: 'rejected' }
		});
		expect(await boxRows(edition.moduleId)).toEqual([]);
		const report = await api.viewRejectedBallots(admin, { spaceId: edition.spaceId, moduleId: edition.moduleId });
		expect(report.rejected).toEqual([
			{
				serial: 'TM-0005',
				deskName: 'Primăria, Bd. C.D. Loga 1',
				reason: 'not_signed_or_stamped',
				resolved: false,
				enteredBy: [expect.any(String), expect.any(String)]
			},
			{
				serial: 'TM-0006',
				deskName: 'Primăria, Bd. C.D. Loga 1',
				reason: 'too_many_choices',
				resolved: false,
				enteredBy: [expect.any(String), expect.any(String)]
			}
		]);
		// Different reasons are a mismatch too.
		await api.enterPaperBallot(staff[0], at, invalidPaper('TM-0007', 'unreadable'));
		expect(await api.enterPaperBallot(staff[1], at, invalidPaper('TM-0007', 'not_signed_or_stamped'))).toMatchObject({
			value: { outcome: 'mismatch' }
		});
	});
});

describe('reconciliation per desk', () => {
	it('counts paper voters, paper entries by state, assisted votes and box rows, and says what is missing', async () => {
		const { staff, at, edition, admin } = await desk();
		const other = await api.saveDesk(admin, { moduleId: edition.moduleId }, { name: 'Casa de Cultură', address: '' });
		if (!other.ok) throw new Error('desk');
		const where = { spaceId: edition.spaceId, moduleId: edition.moduleId };
		const [a, b] = zone1(edition);
		// Three paper voters and one assisted voter at the first desk.
		for (let i = 0; i < 3; i++)
			await api.recordPaperVoter(staff[0], { ...at, userId: (await verified(staff[0], at)).id });
		const assisted = await verified(staff[0], at);
		await api.castAssistedBallot(staff[0], { ...at, userId: assisted.id }, raw([a]));
		// Paper ballots: one accepted, one pending (one entry so far).
		await api.enterPaperBallot(staff[0], at, paper('P-1', [a]));
		await api.enterPaperBallot(staff[1], at, paper('P-1', [a]));
		await api.enterPaperBallot(staff[0], at, paper('P-2', [b]));
		let report = await api.viewReconciliation(admin, where);
		const first = report.desks.find((d) => d.deskId === at.deskId)!;
		expect(first).toMatchObject({
			paperVoters: 3,
			paperEntered: 2,
			paperAccepted: 1,
			paperPending: 1,
			paperRejected: 0,
			paperMismatch: 0,
			boxPaper: 1,
			assistedVoters: 1,
			boxAssisted: 1,
			missing: 1,
			reconciles: false
		});
		expect(report.desks.find((d) => d.deskId === other.value.id)).toMatchObject({
			paperVoters: 0,
			missing: 0,
			reconciles: true
		});
		// The third paper: a rejected one; the pending one gets its second entry.
		await api.enterPaperBallot(staff[0], at, invalidPaper('P-3', 'unreadable'));
		await api.enterPaperBallot(staff[1], at, invalidPaper('P-3', 'unreadable'));
		// Every paper voter has a ballot entered, but one still waits for its second entry: not reconciled yet.
		report = await api.viewReconciliation(admin, where);
		expect(report.desks.find((d) => d.deskId === at.deskId)).toMatchObject({
			missing: 0,
			outstanding: 1,
			reconciles: false
		});
		await api.enterPaperBallot(staff[1], at, paper('P-2', [b]));
		report = await api.viewReconciliation(admin, where);
		expect(report.desks.find((d) => d.deskId === at.deskId)).toMatchObject({
			paperVoters: 3,
			paperEntered: 3,
			paperAccepted: 2,
			paperRejected: 1,
			boxPaper: 2,
			missing: 0,
			reconciles: true
		});
		const csv = await api.reconciliationCsv(admin, where);
		expect(csv.split('\r\n')[0]).toBe(
			'desk_id,name,address,paper_voters,paper_entered,paper_accepted,paper_rejected,paper_pending,paper_mismatch,box_paper,assisted_voters,box_assisted,missing,reconciles'
		);
		expect(csv).toContain(`${at.deskId},"Primăria, Bd. C.D. Loga 1",Bd. C.D. Loga 1,3,3,2,1,0,0,2,1,1,0,true`);
	});
});
