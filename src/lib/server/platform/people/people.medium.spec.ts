import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createOTP } from '@better-auth/utils/otp';
import { base32 } from '@better-auth/utils/base32';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, insertPerson } from '../../../../../tests/support/people.ts';
import { CookieJar, createCitizen } from '../../../../../tests/support/accounts.ts';
import { auditLog, departmentMembers, departments, spaceRoles, spaces, user, userRoles } from '../db/schema.ts';
import { getAuth } from '../auth/auth.ts';
import { ForbiddenError, NotFoundError } from '../result.ts';
import { grantRole } from './commands/grant-role.ts';
import { revokeRole } from './commands/revoke-role.ts';
import { addDepartmentMember } from './commands/add-department-member.ts';
import { removeDepartmentMember } from './commands/remove-department-member.ts';
import { grantSpaceRole } from './commands/grant-space-role.ts';
import { revokeSpaceRole } from './commands/revoke-space-role.ts';
import { createDepartment } from './commands/create-department.ts';
import { updateDepartment } from './commands/update-department.ts';
import { enableTwoFactor } from './commands/enable-two-factor.ts';
import { confirmTwoFactor } from './commands/confirm-two-factor.ts';
import { disableTwoFactor } from './commands/disable-two-factor.ts';
import { twoFactorState } from './two-factor.ts';
import { getDepartment, getUserForAdmin, searchUsers } from './queries.ts';

const database = useTestDatabase();
const db = () => database().db;

async function admin() {
	return actorOf(await insertPerson('admin@primariatm.ro', { roles: ['admin'] }));
}

const auditEntries = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));

describe('platform roles', () => {
	it('grants a role once, audited with who, what, which record and from where', async () => {
		const actor = await admin();
		const ana = await insertPerson('ana@example.ro');
		expect(await grantRole(actor, { userId: ana, role: 'staff' })).toEqual({ ok: true, value: { granted: true } });
		expect(await grantRole(actor, { userId: ana, role: 'staff' })).toEqual({ ok: true, value: { granted: false } });
		const rows = await db().select().from(userRoles).where(eq(userRoles.userId, ana));
		expect(rows).toMatchObject([{ role: 'staff', grantedBy: actor.kind === 'user' ? actor.id : '' }]);
		const [entry, ...more] = await auditEntries('user.grant_role');
		expect(more).toHaveLength(0);
		expect(entry).toMatchObject({
			actorId: actor.kind === 'user' ? actor.id : '',
			resourceType: 'user',
			resourceId: ana,
			ip: '203.0.113.7',
			userAgent: 'vitest',
			data: { role: 'staff' }
		});
	});

	it('keeps a granted role pending until the person turns on two-factor sign-in', async () => {
		const actor = await admin();
		const ana = await insertPerson('ana@example.ro', { twoFactor: false });
		await grantRole(actor, { userId: ana, role: 'admin' });
		const before = await actorOf(ana);
		expect(before.kind === 'user' && [before.roles, before.pendingRoles]).toEqual([[], ['admin']]);
		await db().update(user).set({ twoFactorEnabled: true }).where(eq(user.id, ana));
		const after = await actorOf(ana);
		expect(after.kind === 'user' && after.roles).toEqual(['admin']);
	});

	it('revokes a role and audits it, but never the last administrator', async () => {
		const actor = await admin();
		const self = actor.kind === 'user' ? actor.id : '';
		expect(await revokeRole(actor, { userId: self, role: 'admin' })).toEqual({
			ok: false,
			errors: { role: 'admin_last_admin' }
		});
		const other = await insertPerson('ioan@primariatm.ro', { roles: ['admin', 'moderator'] });
		expect(await revokeRole(actor, { userId: other, role: 'moderator' })).toEqual({
			ok: true,
			value: { revoked: true }
		});
		expect(await revokeRole(actor, { userId: self, role: 'admin' })).toEqual({ ok: true, value: { revoked: true } });
		expect(await db().select().from(userRoles).where(eq(userRoles.role, 'admin'))).toHaveLength(1);
		expect(await auditEntries('user.revoke_role')).toHaveLength(2);
	});

	it('keeps one administrator when two revoke each other at the same moment', async () => {
		const first = await admin();
		const secondId = await insertPerson('ioan@primariatm.ro', { roles: ['admin'] });
		const second = await actorOf(secondId);
		const firstId = first.kind === 'user' ? first.id : '';
		const results = await Promise.all([
			revokeRole(first, { userId: secondId, role: 'admin' }),
			revokeRole(second, { userId: firstId, role: 'admin' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, errors: { role: 'admin_last_admin' } }]);
		expect(await db().select().from(userRoles).where(eq(userRoles.role, 'admin'))).toHaveLength(1);
	});

	it('refuses unknown roles and unknown people', async () => {
		const actor = await admin();
		const ana = await insertPerson('ana@example.ro');
		expect(await grantRole(actor, { userId: ana, role: 'mayor' })).toEqual({
			ok: false,
			errors: { role: 'admin_role_invalid' }
		});
		await expect(grantRole(actor, { userId: 'nobody', role: 'staff' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('lets only administrators manage roles (staff, and admins without two-factor, are refused)', async () => {
		const ana = await insertPerson('ana@example.ro');
		const staff = await actorOf(await insertPerson('staff@primariatm.ro', { roles: ['staff'] }));
		const pendingAdmin = await actorOf(await insertPerson('new@primariatm.ro', { roles: ['admin'], twoFactor: false }));
		await expect(grantRole(staff, { userId: ana, role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(grantRole(pendingAdmin, { userId: ana, role: 'admin' })).rejects.toThrow('two_factor_required');
		expect(await db().select().from(userRoles).where(eq(userRoles.userId, ana))).toHaveLength(0);
	});
});

describe('departments', () => {
	it('creates a department with a name per locale and a unique slug, audited', async () => {
		const actor = await admin();
		const input = {
			name_ro: 'Direcția Mobilitate',
			name_en: 'Mobility Directorate',
			name_hu: ' ',
			email: 'mobilitate@example.ro'
		};
		const first = await createDepartment(actor, input);
		const second = await createDepartment(actor, input);
		expect(first.ok && second.ok).toBe(true);
		const rows = await db().select().from(departments);
		expect(rows.map((r) => r.slug).sort()).toEqual(['directia-mobilitate', 'directia-mobilitate-2']);
		expect(rows[0].name).toEqual({ ro: 'Direcția Mobilitate', en: 'Mobility Directorate' });
		expect(await auditEntries('department.create')).toHaveLength(2);
	});

	it('requires the Romanian name and a valid e-mail', async () => {
		const actor = await admin();
		expect(await createDepartment(actor, { name_ro: '  ', name_en: 'Mobility', email: 'nope' })).toEqual({
			ok: false,
			errors: { name_ro: 'validation_required', email: 'validation_email' }
		});
		expect(await db().select().from(departments)).toHaveLength(0);
	});

	it('updates a department and records the change before and after', async () => {
		const actor = await admin();
		const created = await createDepartment(actor, { name_ro: 'Direcția Mediu', email: '' });
		if (!created.ok) throw new Error('not created');
		const updated = await updateDepartment(actor, created.value.id, {
			name_ro: 'Direcția de Mediu',
			name_de: 'Umwelt',
			email: 'mediu@example.ro'
		});
		expect(updated.ok).toBe(true);
		const { department } = await getDepartment(actor, created.value.id);
		expect(department).toMatchObject({ name: { ro: 'Direcția de Mediu', de: 'Umwelt' }, email: 'mediu@example.ro' });
		const [entry] = await auditEntries('department.update');
		expect(entry.data).toMatchObject({
			before: { name: { ro: 'Direcția Mediu' } },
			after: { name: { ro: 'Direcția de Mediu' } }
		});
		await expect(updateDepartment(actor, 'missing', { name_ro: 'X' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('adds and removes members, audited, and lists them', async () => {
		const actor = await admin();
		const created = await createDepartment(actor, { name_ro: 'Direcția Urbanism', email: '' });
		if (!created.ok) throw new Error('not created');
		const departmentId = created.value.id;
		const ana = await insertPerson('ana@example.ro', { name: 'Ana' });
		expect(await addDepartmentMember(actor, { userId: ana, departmentId })).toEqual({
			ok: true,
			value: { added: true }
		});
		expect((await getDepartment(actor, departmentId)).members).toMatchObject([{ id: ana, name: 'Ana' }]);
		const staff = await actorOf(ana);
		expect(staff.kind === 'user' && staff.departmentIds).toEqual([departmentId]);
		expect(await addDepartmentMember(actor, { userId: ana, departmentId: 'nope' })).toEqual({
			ok: false,
			errors: { departmentId: 'admin_department_choose' }
		});
		expect(await removeDepartmentMember(actor, { userId: ana, departmentId })).toEqual({
			ok: true,
			value: { removed: true }
		});
		expect(await db().select().from(departmentMembers)).toHaveLength(0);
		expect(
			(await auditEntries('department.add_member')).length + (await auditEntries('department.remove_member')).length
		).toBe(2);
	});

	it('refuses department changes to staff', async () => {
		const staff = await actorOf(await insertPerson('staff@primariatm.ro', { roles: ['staff'] }));
		await expect(createDepartment(staff, { name_ro: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('space roles', () => {
	it('grants and revokes a role in one space, audited with the space', async () => {
		const actor = await admin();
		const ana = await insertPerson('ana@example.ro');
		const [space] = await db()
			.insert(spaces)
			.values({
				slug: 'bugetare-2026',
				title: { ro: 'Bugetare participativă 2026' },
				summary: { ro: '' },
				description: { ro: '' },
				organiser: { ro: '' },
				decides: { ro: '' },
				expectedResult: { ro: '' }
			})
			.returning();
		expect(await grantSpaceRole(actor, { userId: ana, spaceId: space.id, role: 'evaluator' })).toEqual({
			ok: true,
			value: { granted: true }
		});
		const citizen = await actorOf(ana);
		expect(citizen.kind === 'user' && citizen.spaceRoles).toEqual({ [space.id]: ['evaluator'] });
		expect((await getUserForAdmin(actor, ana)).spaceRoles).toMatchObject([{ spaceId: space.id, role: 'evaluator' }]);
		expect(await grantSpaceRole(actor, { userId: ana, spaceId: 'nope', role: 'evaluator' })).toEqual({
			ok: false,
			errors: { spaceId: 'admin_space_choose' }
		});
		expect(await revokeSpaceRole(actor, { userId: ana, spaceId: space.id, role: 'evaluator' })).toEqual({
			ok: true,
			value: { revoked: true }
		});
		expect(
			await db()
				.select()
				.from(spaceRoles)
				.where(and(eq(spaceRoles.userId, ana)))
		).toHaveLength(0);
		const entries = [...(await auditEntries('space.grant_role')), ...(await auditEntries('space.revoke_role'))];
		expect(entries.map((e) => e.spaceId)).toEqual([space.id, space.id]);
	});
});

describe('user search', () => {
	it('finds people by part of the name or e-mail, paginated, staff included', async () => {
		const actor = await admin();
		await insertPerson('ana.popescu@example.ro', { name: 'Ana Popescu' });
		await insertPerson('ion@example.ro', { name: 'Ion Ionescu' });
		const staff = await actorOf(await insertPerson('staff@primariatm.ro', { roles: ['staff'] }));
		expect((await searchUsers(actor, { q: 'popes' })).users.map((u) => u.email)).toEqual(['ana.popescu@example.ro']);
		expect((await searchUsers(staff, { q: '100%_' })).total).toBe(0);
		const all = await searchUsers(actor);
		expect(all.total).toBe(4);
		expect(all.users.find((u) => u.email === 'admin@primariatm.ro')?.roles).toEqual(['admin']);
		const citizen = await actorOf(await insertPerson('c@example.ro'));
		await expect(searchUsers(citizen)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('two-factor set-up', () => {
	it('enables TOTP with the password, confirms with a code, shows backup codes, and can be disabled', async () => {
		const password = 'a long enough password';
		const id = await createCitizen('staff@primariatm.ro', password);
		await db().insert(userRoles).values({ userId: id, role: 'staff' });
		const auth = await getAuth();
		const signedIn = await auth.api.signInEmail({
			body: { email: 'staff@primariatm.ro', password },
			returnHeaders: true
		});
		const jar = new CookieJar().take(signedIn.headers);
		let actor = await actorOf(id);
		expect(actor.kind === 'user' && actor.pendingRoles).toEqual(['staff']);

		expect(await enableTwoFactor(actor, { password: 'wrong password!' }, jar.headers())).toEqual({
			ok: false,
			errors: { password: 'admin_two_factor_wrong_password' }
		});
		const started = await enableTwoFactor(actor, { password }, jar.headers());
		if (!started.ok) throw new Error(JSON.stringify(started.errors));
		expect(started.value.secret).toMatch(/^[A-Z2-7]+$/);
		expect(started.value.qrSvg).toContain('<svg');
		// Reloading the page shows the same secret until it is confirmed.
		const pending = await twoFactorState(id);
		expect(pending.status === 'pending' && pending.setup.secret).toBe(started.value.secret);

		expect(await confirmTwoFactor(actor, { code: '12ab' }, jar.headers())).toEqual({
			ok: false,
			errors: { code: 'admin_two_factor_code_format' }
		});
		const otp = createOTP(new TextDecoder().decode(base32.decode(started.value.secret)));
		const wrong = String((Number(await otp.totp()) + 1) % 1_000_000).padStart(6, '0');
		expect(await confirmTwoFactor(actor, { code: wrong }, jar.headers())).toEqual({
			ok: false,
			errors: { code: 'admin_two_factor_wrong_code' }
		});
		const confirmed = await confirmTwoFactor(actor, { code: await otp.totp() }, jar.headers());
		if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.errors));
		expect(confirmed.value.backupCodes.length).toBeGreaterThanOrEqual(8);
		expect(await twoFactorState(id)).toEqual({ status: 'on' });
		actor = await actorOf(id);
		expect(actor.kind === 'user' && actor.roles).toEqual(['staff']);
		expect(await auditEntries('user.two_factor_enable')).toHaveLength(1);

		// The next sign-in asks for a code; the session it opens may turn two-factor off with the password.
		const fresh = new CookieJar();
		const challenge = await auth.api.signInEmail({
			body: { email: 'staff@primariatm.ro', password },
			returnHeaders: true
		});
		expect((challenge.response as { twoFactorRedirect?: boolean }).twoFactorRedirect).toBe(true);
		fresh.take(challenge.headers);
		const verified = await auth.api.verifyTOTP({
			body: { code: await otp.totp() },
			headers: fresh.headers(),
			returnHeaders: true
		});
		fresh.take(verified.headers);
		expect(await disableTwoFactor(actor, { password }, fresh.headers())).toEqual({ ok: true, value: true });
		expect(await twoFactorState(id)).toEqual({ status: 'off' });
		actor = await actorOf(id);
		expect(actor.kind === 'user' && actor.pendingRoles).toEqual(['staff']);
	});
});
