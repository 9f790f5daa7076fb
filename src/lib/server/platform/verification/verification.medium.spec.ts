import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, insertPerson } from '../../../../../tests/support/people.ts';
import {
	auditLog,
	censusBatches,
	censusEntries,
	neighbourhoods,
	outbox,
	phoneCodes,
	verifications
} from '../db/schema.ts';
import { ForbiddenError } from '../result.ts';
import { requireVerification } from '../permissions/verification.ts';
import { sendPhoneCode } from './commands/send-phone-code.ts';
import { confirmPhoneCode } from './commands/confirm-phone-code.ts';
import { importCensus } from './commands/import-census.ts';
import { claimCensusEntry } from './commands/claim-census-entry.ts';
import { recordInPersonVerification } from './commands/record-in-person-verification.ts';
import { censusHash, DEVELOPMENT_CENSUS_SALT } from './census-hash.ts';
import { listCensusBatches, myVerifications } from './queries.ts';

const database = useTestDatabase();
const db = () => database().db;
const activeKinds = async (userId: string) =>
	(
		await db()
			.select({ kind: verifications.kind })
			.from(verifications)
			.where(and(eq(verifications.userId, userId), isNull(verifications.revokedAt)))
	)
		.map((v) => v.kind)
		.sort();

/** The code from the newest SMS to a number in the development outbox. */
async function smsCode(to: string) {
	const [sms] = await db()
		.select()
		.from(outbox)
		.where(and(eq(outbox.to, to), eq(outbox.channel, 'sms')));
	return sms.text.match(/\b(\d{6})\b/)![1];
}

describe('phone verification by SMS code', () => {
	it('sends a code through the SMS gateway, stores only its hash, and confirms the number', async () => {
		const id = await insertPerson('ana@example.ro');
		const ana = await actorOf(id);
		expect(await sendPhoneCode(ana, { phone: '0722 123 456' })).toEqual({ ok: true, value: { phone: '+40722123456' } });
		const code = await smsCode('+40722123456');
		const [row] = await db().select().from(phoneCodes);
		expect(row.codeHash).not.toContain(code);
		expect((await myVerifications(ana)).pendingPhone).toBe('+40722123456');
		expect(await confirmPhoneCode(ana, { code })).toEqual({ ok: true, value: { phone: '+40722123456' } });
		expect(await activeKinds(id)).toEqual(['phone']);
		const again = await actorOf(id);
		expect(requireVerification(again, 'phone')).toEqual({ allowed: true });
		expect(requireVerification(again, 'residence')).toEqual({
			allowed: false,
			reason: 'verification_required:residence'
		});
		// A used code cannot be used twice.
		expect(await confirmPhoneCode(ana, { code })).toEqual({ ok: false, errors: { code: 'verification_code_expired' } });
	});

	it('refuses an invalid number, a wrong code, and stops after five wrong codes', async () => {
		const ana = await actorOf(await insertPerson('ana@example.ro'));
		expect(await sendPhoneCode(ana, { phone: '12345' })).toEqual({
			ok: false,
			errors: { phone: 'verification_phone_invalid' }
		});
		await sendPhoneCode(ana, { phone: '+40 722 123 456' });
		const code = await smsCode('+40722123456');
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++)
			expect(await confirmPhoneCode(ana, { code: wrong })).toEqual({
				ok: false,
				errors: { code: 'verification_code_wrong' }
			});
		expect(await confirmPhoneCode(ana, { code })).toEqual({
			ok: false,
			errors: { code: 'verification_code_too_many' }
		});
		expect(await confirmPhoneCode(ana, { code: '12' })).toEqual({
			ok: false,
			errors: { code: 'verification_code_format' }
		});
	});

	it('lets a code expire after ten minutes', async () => {
		const id = await insertPerson('ana@example.ro');
		const ana = await actorOf(id);
		const sentAt = new Date('2026-03-01T10:00:00Z');
		await sendPhoneCode(ana, { phone: '0722123456' }, sentAt);
		const code = await smsCode('+40722123456');
		expect(await confirmPhoneCode(ana, { code }, new Date('2026-03-01T10:10:01Z'))).toEqual({
			ok: false,
			errors: { code: 'verification_code_expired' }
		});
		expect(await confirmPhoneCode(ana, { code }, new Date('2026-03-01T10:09:59Z'))).toMatchObject({ ok: true });
	});

	it('rate limits codes per account', async () => {
		const ana = await actorOf(await insertPerson('ana@example.ro'));
		const at = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 3; i++) expect((await sendPhoneCode(ana, { phone: '0722123456' }, at)).ok).toBe(true);
		expect(await sendPhoneCode(ana, { phone: '0722123456' }, at)).toEqual({
			ok: false,
			errors: { _form: 'rate_limited' }
		});
		expect(await db().select().from(outbox).where(eq(outbox.channel, 'sms'))).toHaveLength(3);
		// Only the newest code is valid.
		expect(await db().select().from(phoneCodes).where(isNull(phoneCodes.usedAt))).toHaveLength(1);
	});
});

const hashOf = (identifier: string) => censusHash(identifier, DEVELOPMENT_CENSUS_SALT);
const thisYear = new Date().getFullYear();

describe('census lists', () => {
	it('imports hashed identifiers with birth year and neighbourhood, audited, keeping earlier entries', async () => {
		const admin = await actorOf(await insertPerson('admin@primariatm.ro', { roles: ['admin'] }));
		const [iosefin] = await db()
			.insert(neighbourhoods)
			.values({ slug: 'iosefin', name: { ro: 'Iosefin' } })
			.returning();
		const csv = `hash,birth_year,neighbourhood\n${hashOf('1870101123456')},1987,iosefin\n${hashOf('6090101123457')},,\n`;
		const first = await importCensus(admin, { name: 'Locuitori 2026', csv });
		expect(first).toMatchObject({ ok: true, value: { added: 2, alreadyPresent: 0 } });
		const second = await importCensus(admin, {
			name: 'Din nou',
			csv: `hash\n${hashOf('1870101123456')}\n${hashOf('2950101123458')}`
		});
		expect(second).toMatchObject({ ok: true, value: { added: 1, alreadyPresent: 1 } });
		const entry = (
			await db()
				.select()
				.from(censusEntries)
				.where(eq(censusEntries.hash, hashOf('1870101123456')))
		)[0];
		expect(entry).toMatchObject({ birthYear: 1987, neighbourhoodId: iosefin.id });
		expect((await listCensusBatches(admin)).map((b) => b.rows).sort()).toEqual([1, 2]);
		const [entryLog] = await db().select().from(auditLog).where(eq(auditLog.action, 'census.import'));
		expect(JSON.stringify(entryLog.data)).not.toContain(hashOf('1870101123456'));
	});

	it('refuses raw identifiers, bad years, duplicates and unknown neighbourhoods, naming the line', async () => {
		const admin = await actorOf(await insertPerson('admin@primariatm.ro', { roles: ['admin'] }));
		const h = hashOf('1870101123456');
		const cases: [string, string, number | undefined][] = [
			[`hash\n1870101123456`, 'verification_census_bad_hash', 2],
			[`hash,birth_year\n${h},1850`, 'verification_census_bad_year', 2],
			[`hash\n${h}\n${h}`, 'verification_census_duplicate', 3],
			[`hash,birth_year,neighbourhood\n${h},1990,atlantida`, 'verification_census_unknown_neighbourhood', 2],
			[`cnp\n${h}`, 'verification_census_no_header', undefined],
			['', 'verification_census_empty', undefined]
		];
		for (const [csv, error, line] of cases)
			expect(await importCensus(admin, { name: 'X', csv })).toEqual({ ok: false, errors: { file: error }, line });
		expect(await importCensus(admin, { name: '', csv: `hash\n${h}` })).toEqual({
			ok: false,
			errors: { name: 'validation_required' }
		});
		expect(await db().select().from(censusBatches)).toHaveLength(0);
	});

	it('is imported by administrators only', async () => {
		const staff = await actorOf(await insertPerson('staff@primariatm.ro', { roles: ['staff'] }));
		await expect(importCensus(staff, { name: 'X', csv: 'hash' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('residence and age by census match', () => {
	async function withCensus(rows: string) {
		const admin = await actorOf(await insertPerson('admin@primariatm.ro', { roles: ['admin'] }));
		const result = await importCensus(admin, { name: 'Locuitori', csv: `hash,birth_year\n${rows}` });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
	}

	it('grants residence and age for a match, whatever the spacing of the typed identifier', async () => {
		await withCensus(`${hashOf('1870101123456')},1987`);
		const id = await insertPerson('ana@example.ro');
		expect(await claimCensusEntry(await actorOf(id), { identifier: ' 187 0101 123456 ' })).toEqual({
			ok: true,
			value: { residence: true, age: true }
		});
		expect(await activeKinds(id)).toEqual(['age', 'residence']);
		const [entry] = await db().select().from(censusEntries);
		expect(entry.claimedBy).toBe(id);
	});

	it('grants residence but not age to someone under 16', async () => {
		await withCensus(`${hashOf('6150101123457')},${thisYear - 12}\n${hashOf('6150101123458')},${thisYear - 16}`);
		const child = await insertPerson('copil@example.ro');
		expect(await claimCensusEntry(await actorOf(child), { identifier: '6150101123457' })).toEqual({
			ok: true,
			value: { residence: true, age: false }
		});
		expect(await activeKinds(child)).toEqual(['residence']);
		// With only a birth year, someone turning 16 this year may not be 16 yet: age is left to an in-person check.
		const teen = await insertPerson('teen@example.ro');
		expect(await claimCensusEntry(await actorOf(teen), { identifier: '6150101123458' })).toMatchObject({
			value: { age: false }
		});
	});

	it('lets each entry be claimed by one account only, and says when there is no match', async () => {
		await withCensus(`${hashOf('1870101123456')},1987`);
		const ana = await actorOf(await insertPerson('ana@example.ro'));
		const ion = await actorOf(await insertPerson('ion@example.ro'));
		expect((await claimCensusEntry(ana, { identifier: '1870101123456' })).ok).toBe(true);
		expect(await claimCensusEntry(ana, { identifier: '1870101123456' })).toMatchObject({ ok: true });
		expect(await claimCensusEntry(ion, { identifier: '1870101123456' })).toEqual({
			ok: false,
			errors: { identifier: 'verification_census_already_claimed' }
		});
		expect(await claimCensusEntry(ion, { identifier: '1111111111111' })).toEqual({
			ok: false,
			errors: { identifier: 'verification_census_no_match' }
		});
		expect(ion.kind === 'user' && (await activeKinds(ion.id))).toEqual([]);
	});

	it('slows down guessing: a few tries per hour', async () => {
		const ana = await actorOf(await insertPerson('ana@example.ro'));
		const at = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 5; i++) await claimCensusEntry(ana, { identifier: `100000000000${i}` }, at);
		expect(await claimCensusEntry(ana, { identifier: '1000000000009' }, at)).toEqual({
			ok: false,
			errors: { _form: 'rate_limited' }
		});
	});
});

describe('in-person verification', () => {
	it('records what staff checked, who and the document type, audited, never a number', async () => {
		const staffId = await insertPerson('ghiseu@primariatm.ro', { roles: ['staff'] });
		const staff = await actorOf(staffId);
		const ana = await insertPerson('ana@example.ro');
		expect(
			await recordInPersonVerification(staff, {
				userId: ana,
				kinds: ['residence', 'age'],
				documentType: 'identity_card'
			})
		).toEqual({
			ok: true,
			value: { kinds: ['in_person', 'residence', 'age'] }
		});
		const rows = await db().select().from(verifications).where(eq(verifications.userId, ana));
		expect(rows).toHaveLength(3);
		for (const row of rows)
			expect(row).toMatchObject({
				method: 'in_person',
				verifiedBy: staffId,
				documentType: 'identity_card',
				detail: null
			});
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'verification.in_person'));
		expect(entry).toMatchObject({
			actorId: staffId,
			resourceId: ana,
			data: { kinds: ['in_person', 'residence', 'age'], documentType: 'identity_card' }
		});
		// A later proof of the same kind replaces the earlier one (one active proof per kind).
		await recordInPersonVerification(staff, { userId: ana, kinds: ['age'], documentType: 'passport' });
		expect(await activeKinds(ana)).toEqual(['age', 'in_person', 'residence']);
	});

	it('requires a document type from the list, and refuses citizens and moderators', async () => {
		const staff = await actorOf(await insertPerson('ghiseu@primariatm.ro', { roles: ['staff'] }));
		const ana = await insertPerson('ana@example.ro');
		expect(await recordInPersonVerification(staff, { userId: ana, kinds: ['age'], documentType: 'RX 123456' })).toEqual(
			{
				ok: false,
				errors: { documentType: 'verification_document_type_required' }
			}
		);
		const moderator = await actorOf(await insertPerson('mod@primariatm.ro', { roles: ['moderator'] }));
		await expect(
			recordInPersonVerification(moderator, { userId: ana, kinds: [], documentType: 'passport' })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await activeKinds(ana)).toEqual([]);
	});
});
