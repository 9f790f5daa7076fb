import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { actorFor, createCitizen, visitor } from '../../../../tests/support/accounts.ts';
import { recordAction } from '#lib/server/platform/audit/record-action.ts';
import { signIn } from '#lib/server/platform/auth/commands/sign-in.ts';
import type { Db } from '#lib/server/platform/db/index.ts';
import {
	account,
	auditLog,
	files,
	follows,
	notifications,
	outbox,
	session,
	user,
	userRoles,
	verifications
} from '#lib/server/platform/db/schema.ts';
import type { AnyModule } from '#lib/server/platform/modules/define-module.ts';
import { ForbiddenError } from '#lib/server/platform/result.ts';
import { modules } from '#lib/server/registry.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { deleteAccount, DELETED_ACCOUNT_NAME } from './delete-account.ts';

const database = useTestDatabase();
const PASSWORD = 'a long enough password';

/** A stand-in module that records what the platform asks of it, to check the orchestration. */
const calls: string[] = [];
const probe = {
	name: 'probe',
	personalData: {
		async exportFor(_db: Db, userId: string) {
			calls.push(`export:${userId}`);
			return { ideas: [{ id: 'idea-1', title: 'Bike lane, "Bega" quay', author: userId }] };
		},
		async anonymize(db: Db, userId: string) {
			// Runs inside the deletion transaction: the user row still has its e-mail here.
			const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
			calls.push(`anonymize:${row.email}`);
		}
	}
} as unknown as AnyModule;

beforeEach(() => {
	calls.length = 0;
	modules.push(probe);
});
afterEach(() => {
	modules.splice(modules.indexOf(probe), 1);
});

async function someoneWithData() {
	const id = await createCitizen('ana@example.ro');
	const other = await createCitizen('bob@example.ro', PASSWORD, 'Bob');
	const { db } = database();
	await signIn(visitor('203.0.113.5'), { email: 'ana@example.ro', password: PASSWORD });
	await db.insert(notifications).values([
		{ userId: id, key: 'processes_phase_changed', data: { title: 'Bugetare 2027' } },
		{ userId: other, key: 'processes_phase_changed' }
	]);
	await db.insert(follows).values({ userId: id, resourceType: 'space', resourceId: 'space-1' });
	await db
		.insert(files)
		.values({ ownerId: id, storageKey: 'k1', originalName: 'groapă.jpg', mimeType: 'image/jpeg', size: 10 });
	await db.insert(verifications).values({ userId: id, kind: 'phone', method: 'sms', detail: '+40700000000' });
	await recordAction(db, await actorFor(id), { action: 'comment.create', resourceType: 'comment', resourceId: 'c1' });
	return { id, other };
}

describe('downloading my data', () => {
	it('gives a zip with data.json and one CSV per table, holding my rows and no one else’s, and no secrets', async () => {
		const { id, other } = await someoneWithData();
		const result = await exportPersonalData(await actorFor(id), new Date('2027-06-01T08:00:00Z'));
		if (!result.ok) throw new Error('export failed');
		expect(result.value.filename).toBe('vocea-my-data-2027-06-01.zip');

		const zip = await JSZip.loadAsync(result.value.bytes);
		const names = Object.keys(zip.files).sort();
		expect(names).toContain('data.json');
		for (const table of [
			'user',
			'sessions',
			'verifications',
			'notifications',
			'follows',
			'files',
			'audit_log',
			'probe_ideas'
		])
			expect(names).toContain(`${table}.csv`);

		const data = JSON.parse(await zip.file('data.json')!.async('string'));
		expect(data).toMatchObject({ format: 'vocea-personal-data/1', userId: id, exportedAt: '2027-06-01T08:00:00.000Z' });
		expect(data.tables.user[0]).toMatchObject({ id, email: 'ana@example.ro', name: 'Ana Popescu' });
		// The session records the address SvelteKit resolved for the request, not a header the client chose.
		expect(data.tables.sessions.map((r: { ipAddress: string }) => r.ipAddress)).toContain('203.0.113.5');
		expect(data.tables.notifications).toHaveLength(1);
		expect(data.tables.follows[0]).toMatchObject({ resourceType: 'space', resourceId: 'space-1' });
		expect(data.tables.files[0]).toMatchObject({ originalName: 'groapă.jpg' });
		expect(data.tables.verifications[0]).toMatchObject({ kind: 'phone', detail: '+40700000000' });
		expect(data.tables.audit_log[0]).toMatchObject({ action: 'comment.create', ip: '198.51.100.20' });
		expect(data.tables.probe_ideas[0]).toMatchObject({ id: 'idea-1' });
		expect(calls).toEqual([`export:${id}`]);

		const text = await zip.file('data.json')!.async('string');
		const [credential] = await database().db.select().from(account).where(eq(account.userId, id));
		const [live] = await database().db.select().from(session).where(eq(session.userId, id));
		expect(text).not.toContain(credential.password!);
		expect(text).not.toContain(live.token);
		expect(text).not.toContain(other);

		const csv = await zip.file('probe_ideas.csv')!.async('string');
		expect(csv).toBe(`id,title,author\r\nidea-1,"Bike lane, ""Bega"" quay",${id}\r\n`);
	});

	it('is only for a signed-in person', async () => {
		await expect(exportPersonalData(visitor())).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('deleting my account', () => {
	it('refuses a wrong password and changes nothing', async () => {
		const { id } = await someoneWithData();
		expect(await deleteAccount(await actorFor(id), { password: 'not my password' })).toEqual({
			ok: false,
			errors: { password: 'account_delete_wrong_password' }
		});
		const [row] = await database().db.select().from(user).where(eq(user.id, id));
		expect(row.deletedAt).toBeNull();
		expect(calls).toEqual([]);
	});

	it('anonymises module content, erases personal data, keeps an audit entry and can never sign in again', async () => {
		const { id, other } = await someoneWithData();
		const { db } = database();
		expect(await deleteAccount(await actorFor(id), { password: PASSWORD })).toEqual({ ok: true, value: null });
		expect(calls).toEqual(['anonymize:ana@example.ro']);

		const [row] = await db.select().from(user).where(eq(user.id, id));
		expect(row).toMatchObject({
			name: DELETED_ACCOUNT_NAME,
			email: `deleted-${id}@invalid`,
			emailVerified: false,
			neighbourhoodId: null
		});
		expect(row.deletedAt).toBeInstanceOf(Date);
		for (const table of [account, session])
			expect(await db.select().from(table).where(eq(table.userId, id))).toEqual([]);
		expect(await db.select().from(notifications).where(eq(notifications.userId, id))).toEqual([]);
		expect(await db.select().from(follows).where(eq(follows.userId, id))).toEqual([]);
		expect(await db.select().from(verifications).where(eq(verifications.userId, id))).toEqual([]);
		expect(await db.select().from(outbox).where(eq(outbox.to, 'ana@example.ro'))).toEqual([]);
		const [file] = await db.select().from(files);
		expect(file.ownerId).toBeNull();

		const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, id));
		const entry = audit.find((a) => a.action === 'user.delete');
		expect(entry).toMatchObject({ resourceType: 'user', resourceId: id, ip: null, userAgent: null, data: {} });
		expect(audit.every((a) => a.ip === null)).toBe(true);
		expect(JSON.stringify(audit)).not.toContain('ana@example.ro');

		// Someone else's data is untouched.
		expect(await db.select().from(notifications).where(eq(notifications.userId, other))).toHaveLength(1);

		expect(await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_failed' }
		});
		expect((await signIn(visitor(), { email: `deleted-${id}@invalid`, password: PASSWORD })).ok).toBe(false);
	});

	it('keeps the last administrator from deleting their account', async () => {
		const id = await createCitizen('admin@example.ro');
		await database().db.insert(userRoles).values({ userId: id, role: 'admin' });
		expect(await deleteAccount(await actorFor(id), { password: PASSWORD })).toEqual({
			ok: false,
			errors: { _form: 'account_delete_last_admin' }
		});
	});

	it('is only for a signed-in person', async () => {
		await expect(deleteAccount(visitor(), { password: PASSWORD })).rejects.toBeInstanceOf(ForbiddenError);
	});
});
