import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../../tests/setup/database.ts';
import { actorFor, createCitizen, lastMessage, tokenIn, visitor } from '../../../../../../tests/support/accounts.ts';
import { neighbourhoods, user } from '../../db/schema.ts';
import { listOutbox } from '../../notifications/outbox.ts';
import { ForbiddenError } from '../../result.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { signIn } from './sign-in.ts';
import { updateProfile } from './update-profile.ts';

const database = useTestDatabase();
const PASSWORD = 'a long enough password';

describe('resetting a forgotten password', () => {
	it('goes from the request, through the e-mailed link, to signing in with the new password', async () => {
		await createCitizen('ana@example.ro');
		await database().db.update(user).set({ locale: 'en' }).where(eq(user.email, 'ana@example.ro'));
		expect(await requestPasswordReset(visitor(), { email: 'ana@example.ro' })).toEqual({
			ok: true,
			value: { email: 'ana@example.ro' }
		});
		const message = await lastMessage('ana@example.ro');
		expect(message.subject).toBe('Reset your Vocea password');
		expect(message.text).toMatch(/\/en\/account\/reset-password\?token=/);
		const token = tokenIn(message.text);

		expect(await resetPassword(visitor(), { token, password: 'short' })).toEqual({
			ok: false,
			errors: { password: 'account_password_too_short' }
		});
		expect(await resetPassword(visitor(), { token, password: 'a brand new passphrase' })).toEqual({
			ok: true,
			value: null
		});
		expect((await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD })).ok).toBe(false);
		expect((await signIn(visitor(), { email: 'ana@example.ro', password: 'a brand new passphrase' })).ok).toBe(true);
		// A link works once.
		expect(await resetPassword(visitor(), { token, password: 'yet another passphrase' })).toEqual({
			ok: false,
			errors: { _form: 'account_reset_invalid_link' }
		});
	});

	it('lifts a lockout and confirms the address, since the link proves the mailbox', async () => {
		await createCitizen('ana@example.ro');
		await database()
			.db.update(user)
			.set({ emailVerified: false, lockedUntil: new Date(Date.now() + 600_000), failedSignIns: 3 })
			.where(eq(user.email, 'ana@example.ro'));
		await requestPasswordReset(visitor(), { email: 'ana@example.ro' });
		const token = tokenIn((await lastMessage('ana@example.ro')).text);
		expect((await resetPassword(visitor(), { token, password: 'a brand new passphrase' })).ok).toBe(true);
		const [row] = await database().db.select().from(user).where(eq(user.email, 'ana@example.ro'));
		expect(row).toMatchObject({ emailVerified: true, lockedUntil: null, failedSignIns: 0 });
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		expect(await requestPasswordReset(visitor(), { email: 'nobody@example.ro' })).toEqual({
			ok: true,
			value: { email: 'nobody@example.ro' }
		});
		expect(await listOutbox({ to: 'nobody@example.ro' })).toHaveLength(0);
	});

	it('is limited per address and per IP', async () => {
		for (let i = 0; i < 3; i++)
			expect((await requestPasswordReset(visitor(`192.0.2.${i}`), { email: 'x@example.ro' })).ok).toBe(true);
		expect(await requestPasswordReset(visitor('192.0.2.9'), { email: 'x@example.ro' })).toEqual({
			ok: false,
			errors: { _form: 'rate_limited' }
		});
		for (let i = 0; i < 20; i++)
			expect((await requestPasswordReset(visitor('192.0.2.77'), { email: `u${i}@example.ro` })).ok).toBe(true);
		expect((await requestPasswordReset(visitor('192.0.2.77'), { email: 'u99@example.ro' })).ok).toBe(false);
	});

	it('refuses an unknown link', async () => {
		expect(await resetPassword(visitor(), { token: 'made-up', password: 'a brand new passphrase' })).toEqual({
			ok: false,
			errors: { _form: 'account_reset_invalid_link' }
		});
	});
});

describe('updating the profile', () => {
	it('saves the name, language and neighbourhood', async () => {
		const id = await createCitizen('ana@example.ro');
		const [fabric] = await database()
			.db.insert(neighbourhoods)
			.values({ slug: 'fabric', name: { ro: 'Fabric' } })
			.returning();
		const result = await updateProfile(await actorFor(id), {
			name: '  Ana P. ',
			locale: 'hu',
			neighbourhoodId: fabric.id
		});
		expect(result).toEqual({ ok: true, value: { locale: 'hu' } });
		const [row] = await database().db.select().from(user).where(eq(user.id, id));
		expect(row).toMatchObject({ name: 'Ana P.', locale: 'hu', neighbourhoodId: fabric.id });
		// The neighbourhood is optional: an empty choice clears it.
		await updateProfile(await actorFor(id), { name: 'Ana P.', locale: 'hu', neighbourhoodId: '' });
		const [cleared] = await database().db.select().from(user).where(eq(user.id, id));
		expect(cleared.neighbourhoodId).toBeNull();
	});

	it('refuses an empty name, an unknown language and a neighbourhood that does not exist, changing nothing', async () => {
		const id = await createCitizen('ana@example.ro');
		expect(await updateProfile(await actorFor(id), { name: '', locale: 'fr' })).toEqual({
			ok: false,
			errors: { name: 'validation_required', locale: 'validation_invalid' }
		});
		expect(await updateProfile(await actorFor(id), { name: 'Ana', locale: 'en', neighbourhoodId: 'nowhere' })).toEqual({
			ok: false,
			errors: { neighbourhoodId: 'account_profile_neighbourhood_unknown' }
		});
		const [row] = await database().db.select().from(user).where(eq(user.id, id));
		expect(row).toMatchObject({ name: 'Ana Popescu', locale: 'ro' });
	});

	it('is only for a signed-in person', async () => {
		await expect(updateProfile(visitor(), { name: 'X', locale: 'ro' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});
