/** The online voting journey's commands: review and cast, receipt by e-mail and SMS, change, refusals. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { outbox, verifications } from '../../platform/db/schema.ts';
import { enterOnRoll, putPaperBallotInBox } from './ballot-box.ts';
import * as api from './index.ts';
import { receiptHash, normaliseReceipt } from './receipt.ts';
import { budgetsBallots, budgetsDesks, budgetsVoters } from './schema.ts';
import { budgetEdition, voter } from './test-support.ts';

const database = useTestDatabase();

async function setup(settings = {}) {
	const admin = await person(['admin']);
	const edition = await budgetEdition(admin, { zones: 2, cityWide: 1_000_000, projectsPerZone: 6, settings });
	const [city, z1, z2] = edition.pots;
	const inPot = (potId: string) => edition.projects.filter((p) => p.zoneId === potId);
	const here = { spaceSlug: edition.slug, moduleId: edition.moduleId };
	const ballot = (ids: string[], zone: string | null = z1.id) => ({
		zone,
		selection: ids.map((projectId) => ({ projectId })),
		declareAge: true,
		declareResidence: true
	});
	return { edition, city, z1, z2, inPot, here, ballot };
}

async function withPhone(phone = '+40722000111') {
	const v = await voter();
	await (await getDb()).insert(verifications).values({ userId: v.id, kind: 'phone', method: 'sms', detail: phone });
	return { v, phone };
}

describe('castBallot', () => {
	it('casts a valid ballot and sends the receipt by e-mail (with the change link) and by SMS', async () => {
		const { here, ballot, inPot, z1, city } = await setup();
		const { v, phone } = await withPhone();
		const ids = [
			...inPot(z1.id)
				.slice(0, 4)
				.map((p) => p.id),
			inPot(city.id)[0].id
		];
		const result = await api.castBallot(v, here, ballot(ids));
		expect(result.ok).toBe(true);
		if (!result.ok || result.value.status !== 'cast') throw new Error('not cast');
		const receipt = result.value.receipt;
		expect(receipt).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
		const db = await getDb();
		const [box] = await db.select().from(budgetsBallots).where(eq(budgetsBallots.moduleId, here.moduleId));
		expect(box.receiptHash).toBe(receiptHash(normaliseReceipt(receipt)!));
		expect(box.choices.map((c) => c.zoneId)).toEqual([city.id, z1.id]);
		const [mail] = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.to, v.email), eq(outbox.channel, 'email')));
		expect(mail.text).toContain(receipt);
		expect(mail.text).toContain(`/vote/change?receipt=${receipt}`);
		expect(mail.text).toContain(inPot(z1.id)[0].code);
		const [sms] = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.to, phone), eq(outbox.channel, 'sms')));
		expect(sms.text).toContain(receipt);
	});

	it('refuses a ballot that breaks the rules, misses a declaration or a zone, and writes nothing', async () => {
		const { here, ballot, inPot, z1, z2 } = await setup();
		const v = await voter();
		const six = inPot(z1.id).map((p) => p.id);
		expect(await api.castBallot(v, here, ballot(six))).toEqual({
			ok: false,
			errors: { ballot: 'budgets_vote_error_too_many' }
		});
		expect(await api.castBallot(v, here, { ...ballot(six.slice(0, 2)), declareAge: false })).toEqual({
			ok: false,
			errors: { declareAge: 'budgets_vote_error_declare_age' }
		});
		expect(await api.castBallot(v, here, ballot(six.slice(0, 2), null))).toEqual({
			ok: false,
			errors: { zone: 'budgets_vote_error_choose_zone' }
		});
		// The voter chose zone 1: zone 2's projects are not on their ballot.
		expect(await api.castBallot(v, here, ballot([inPot(z2.id)[0].id]))).toEqual({
			ok: false,
			errors: { ballot: 'budgets_vote_error_zone_not_allowed' }
		});
		const db = await getDb();
		expect(await db.select().from(budgetsVoters)).toHaveLength(0);
		expect(await db.select().from(budgetsBallots)).toHaveLength(0);
	});

	it('the review step checks exactly like the cast and lists the choices, writing nothing', async () => {
		const { here, ballot, inPot, z1 } = await setup();
		const v = await voter();
		const review = await api.reviewBallot(v, here, ballot([inPot(z1.id)[1].id, inPot(z1.id)[0].id]), 'ro');
		expect(review.ok && review.value.lines).toEqual([
			{
				pot: 'Zona 1',
				projects: inPot(z1.id)
					.slice(0, 2)
					.map((p) => ({ code: p.code, title: p.title, cost: p.cityCost, points: null }))
			}
		]);
		expect(await (await getDb()).select().from(budgetsVoters)).toHaveLength(0);
	});

	it('a double click or retried request ends with one ballot and "already voted" for the others', async () => {
		const { here, ballot, inPot, z1 } = await setup();
		const v = await voter();
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => api.castBallot(v, here, ballot([inPot(z1.id)[i % 6].id])))
		);
		const statuses = results.map((r) => (r.ok ? r.value.status : 'error'));
		expect(statuses.filter((s) => s === 'cast')).toHaveLength(1);
		expect(statuses.filter((s) => s === 'already_voted')).toHaveLength(9);
		const db = await getDb();
		expect(await db.select().from(budgetsVoters)).toHaveLength(1);
		expect(await db.select().from(budgetsBallots)).toHaveLength(1);
	});

	it('someone who voted on paper is told where and when, and cannot vote online', async () => {
		const { here, ballot, inPot, z1, edition } = await setup();
		const v = await voter();
		const db = await getDb();
		const [desk] = await db
			.insert(budgetsDesks)
			.values({ moduleId: edition.moduleId, name: 'Centrul civic' })
			.returning();
		await db.transaction(async (tx) => {
			await enterOnRoll(tx, { moduleId: edition.moduleId, userId: v.id, channel: 'paper', deskId: desk.id });
			await putPaperBallotInBox(tx, { moduleId: edition.moduleId, deskId: desk.id, choices: [] });
		});
		const result = await api.castBallot(v, here, ballot([inPot(z1.id)[0].id]));
		expect(result.ok && result.value).toMatchObject({
			status: 'already_voted',
			channel: 'paper',
			deskName: 'Centrul civic'
		});
		expect(await db.select().from(budgetsBallots)).toHaveLength(1);
		const view = await api.viewBallot(v, here, { zone: null, locale: 'ro' });
		expect(view.roll).toMatchObject({ channel: 'paper', deskName: 'Centrul civic' });
		expect(await api.receiptForChange(v, here, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA')).toEqual({
			ok: false,
			errors: { receipt: 'budgets_vote_error_receipt_invalid' }
		});
	});
});

describe('changing a ballot', () => {
	it('with the receipt, the new ballot replaces the old; the last one counts', async () => {
		const { here, ballot, inPot, z1 } = await setup();
		const v = await voter();
		const first = await api.castBallot(v, here, ballot([inPot(z1.id)[0].id]));
		if (!first.ok || first.value.status !== 'cast') throw new Error('not cast');
		const proved = await api.receiptForChange(v, here, first.value.receipt.toLowerCase());
		expect(proved.ok).toBe(true);
		const view = await api.viewBallot(v, here, {
			zone: z1.id,
			locale: 'ro',
			changeCode: proved.ok ? proved.value.code : null
		});
		expect(view.changing).toBe(true);
		const second = await api.changeBallot(v, here, ballot([inPot(z1.id)[3].id]), { receipt: first.value.receipt });
		expect(second.ok && second.value.status).toBe('replaced');
		const db = await getDb();
		const box = await db.select().from(budgetsBallots);
		expect(box).toHaveLength(1);
		expect(box[0].choices).toEqual([{ zoneId: z1.id, projectIds: [inPot(z1.id)[3].id] }]);
		// The old receipt is spent.
		expect(await api.changeBallot(v, here, ballot([inPot(z1.id)[4].id]), { receipt: first.value.receipt })).toEqual({
			ok: false,
			errors: { receipt: 'budgets_vote_error_receipt_invalid' }
		});
		expect(await api.receiptForChange(v, here, first.value.receipt)).toEqual({
			ok: false,
			errors: { receipt: 'budgets_vote_error_receipt_invalid' }
		});
	});

	it('is refused when the edition does not allow changes', async () => {
		const { here, ballot, inPot, z1 } = await setup({ ballotChangeAllowed: false });
		const v = await voter();
		const first = await api.castBallot(v, here, ballot([inPot(z1.id)[0].id]));
		if (!first.ok || first.value.status !== 'cast') throw new Error('not cast');
		expect(await api.changeBallot(v, here, ballot([inPot(z1.id)[1].id]), { receipt: first.value.receipt })).toEqual({
			ok: false,
			errors: { _form: 'budgets_vote_error_change_not_allowed' }
		});
		expect(await api.receiptForChange(v, here, first.value.receipt)).toEqual({
			ok: false,
			errors: { _form: 'budgets_vote_error_change_not_allowed' }
		});
	});
});

it('opens a fresh database per file', () => expect(database()).toBeDefined());
