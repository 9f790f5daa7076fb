import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { useTestDatabase } from '../../../../../../tests/setup/database.ts';
import { CookieJar, createCitizen, lastMessage, tokenIn, visitor } from '../../../../../../tests/support/accounts.ts';
import { session, user } from '../../db/schema.ts';
import { listOutbox } from '../../notifications/outbox.ts';
import { getAuth, SESSION_EXPIRES_IN, SESSION_UPDATE_AGE } from '../auth.ts';
import { signUp } from './sign-up.ts';
import { confirmEmail } from './confirm-email.ts';
import { resendConfirmation } from './resend-confirmation.ts';
import { signIn, LOCKOUT_AFTER_FAILURES } from './sign-in.ts';
import { completeTwoFactorSignIn } from './complete-two-factor-sign-in.ts';
import { signOut } from './sign-out.ts';
import { actorFromSession, dueForRenewal, verifiedSessionToken } from '../session-actor.ts';

const database = useTestDatabase();
const PASSWORD = 'a long enough password';

async function userRow(email: string) {
	const [row] = await database().db.select().from(user).where(eq(user.email, email));
	return row;
}

describe('signing up', () => {
	it('creates an unconfirmed account in the chosen language and e-mails a localized confirmation link', async () => {
		const result = await signUp(visitor(), {
			name: 'Ana Popescu',
			email: ' Ana@Example.RO ',
			password: PASSWORD,
			locale: 'hu'
		});
		expect(result).toEqual({ ok: true, value: { email: 'ana@example.ro' } });
		const row = await userRow('ana@example.ro');
		expect(row).toMatchObject({ name: 'Ana Popescu', emailVerified: false, locale: 'hu' });
		const message = await lastMessage('ana@example.ro');
		expect(message.subject).toBe('Erősítsd meg az e-mail-címed a Vocea oldalon');
		expect(message.text).toMatch(/\/hu\/account\/confirm\?token=/);
	});

	it('explains every invalid field with a message key and creates nothing', async () => {
		const result = await signUp(visitor(), { name: ' ', email: 'not-an-address', password: 'short', locale: 'xx' });
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'validation_required',
				email: 'validation_email',
				password: 'account_password_too_short',
				locale: 'validation_invalid'
			}
		});
		expect(await database().db.select().from(user)).toHaveLength(0);
	});

	it('answers an existing address like a new one, and tells only its owner by e-mail', async () => {
		await createCitizen('ana@example.ro');
		const again = await signUp(visitor(), {
			name: 'Someone',
			email: 'ana@example.ro',
			password: PASSWORD,
			locale: 'en'
		});
		expect(again).toEqual({ ok: true, value: { email: 'ana@example.ro' } });
		expect(await database().db.select().from(user)).toHaveLength(1);
		const message = await lastMessage('ana@example.ro');
		expect(message.subject).toBe('Ai deja un cont Vocea');
		expect(message.text).toContain('/account/sign-in');
	});

	it('is limited per IP address', async () => {
		const ip = '203.0.113.50';
		for (let i = 0; i < 10; i++) {
			const r = await signUp(visitor(ip), { name: 'N', email: `p${i}@example.ro`, password: PASSWORD, locale: 'ro' });
			expect(r.ok).toBe(true);
		}
		const refused = await signUp(visitor(ip), { name: 'N', email: 'p10@example.ro', password: PASSWORD, locale: 'ro' });
		expect(refused).toEqual({ ok: false, errors: { _form: 'rate_limited' } });
		expect(await userRow('p10@example.ro')).toBeUndefined();
	});
});

describe('confirming the e-mail address', () => {
	it('confirms with the link from the message and opens a session', async () => {
		await signUp(visitor(), { name: 'Ana', email: 'ana@example.ro', password: PASSWORD, locale: 'ro' });
		const token = tokenIn((await lastMessage('ana@example.ro')).text);
		const result = await confirmEmail(visitor(), { token });
		expect(result.ok && result.value.signedIn).toBe(true);
		expect(result.ok && new CookieJar().take(result.value.headers).has('session_token')).toBe(true);
		expect((await userRow('ana@example.ro')).emailVerified).toBe(true);
		// The same link again: already confirmed, no new session.
		const again = await confirmEmail(visitor(), { token });
		expect(again.ok && again.value.signedIn).toBe(false);
	});

	it('refuses a forged or missing token', async () => {
		expect(await confirmEmail(visitor(), { token: 'eyJhbGciOiJIUzI1NiJ9.forged.signature' })).toEqual({
			ok: false,
			errors: { token: 'account_confirm_invalid' }
		});
		expect(await confirmEmail(visitor(), {})).toEqual({ ok: false, errors: { token: 'account_confirm_invalid' } });
	});

	it('sends a new link on request, and answers the same for unknown addresses', async () => {
		await signUp(visitor(), { name: 'Ana', email: 'ana@example.ro', password: PASSWORD, locale: 'ro' });
		const before = await listOutbox({ to: 'ana@example.ro' });
		expect(await resendConfirmation(visitor(), { email: 'ana@example.ro' })).toEqual({
			ok: true,
			value: { email: 'ana@example.ro' }
		});
		expect(await listOutbox({ to: 'ana@example.ro' })).toHaveLength(before.length + 1);
		expect(await resendConfirmation(visitor(), { email: 'nobody@example.ro' })).toEqual({
			ok: true,
			value: { email: 'nobody@example.ro' }
		});
		expect(await listOutbox({ to: 'nobody@example.ro' })).toHaveLength(0);
	});
});

describe('signing in', () => {
	it('opens a session with the right password and clears earlier failures', async () => {
		await createCitizen('ana@example.ro');
		await signIn(visitor(), { email: 'ana@example.ro', password: 'wrong password' });
		expect((await userRow('ana@example.ro')).failedSignIns).toBe(1);
		const result = await signIn(visitor(), { email: 'ANA@example.ro', password: PASSWORD });
		expect(result.ok && result.value.step).toBe('signed-in');
		const auth = await getAuth();
		const session = await auth.api.getSession({
			headers: new CookieJar().take(result.ok ? result.value.headers : new Headers()).headers()
		});
		expect(session?.user.email).toBe('ana@example.ro');
		expect((await userRow('ana@example.ro')).failedSignIns).toBe(0);
	});

	it('refuses a wrong password and an unknown address with the same message', async () => {
		await createCitizen('ana@example.ro');
		const wrong = await signIn(visitor(), { email: 'ana@example.ro', password: 'wrong password' });
		const unknown = await signIn(visitor(), { email: 'nobody@example.ro', password: 'wrong password' });
		expect(wrong).toEqual({ ok: false, errors: { _form: 'account_sign_in_failed' } });
		expect(unknown).toEqual(wrong);
	});

	it('refuses an unconfirmed account, saying so only once the password is right', async () => {
		await signUp(visitor(), { name: 'Ana', email: 'ana@example.ro', password: PASSWORD, locale: 'ro' });
		expect(await signIn(visitor(), { email: 'ana@example.ro', password: 'wrong password' })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_failed' }
		});
		expect(await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_unconfirmed' }
		});
	});

	it('locks the account for 15 minutes after 5 wrong passwords and e-mails the owner', async () => {
		await createCitizen('ana@example.ro');
		const now = new Date('2027-05-01T10:00:00Z');
		for (let i = 1; i < LOCKOUT_AFTER_FAILURES; i++) {
			expect(await signIn(visitor(), { email: 'ana@example.ro', password: `wrong ${i}` }, { now })).toEqual({
				ok: false,
				errors: { _form: 'account_sign_in_failed' }
			});
		}
		expect(await signIn(visitor(), { email: 'ana@example.ro', password: 'wrong 5' }, { now })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_locked' }
		});
		expect((await userRow('ana@example.ro')).lockedUntil).toEqual(new Date('2027-05-01T10:15:00Z'));
		const notice = await lastMessage('ana@example.ro');
		expect(notice.subject).toBe('Contul tău Vocea este blocat temporar');
		expect(notice.text).toContain('15');
		// Even the right password is refused while locked…
		const during = new Date('2027-05-01T10:14:00Z');
		expect(await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD }, { now: during })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_locked' }
		});
		// …and accepted once the lock is over.
		const after = new Date(Date.now() + 60_000);
		await database()
			.db.update(user)
			.set({ lockedUntil: new Date(after.getTime() - 1000) })
			.where(eq(user.email, 'ana@example.ro'));
		const result = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD }, { now: after });
		expect(result.ok).toBe(true);
		expect(await userRow('ana@example.ro')).toMatchObject({ failedSignIns: 0, lockedUntil: null });
	});

	it('is limited per address, whatever the IP', async () => {
		for (let i = 0; i < 10; i++) {
			const r = await signIn(visitor(`203.0.113.${i}`), { email: 'target@example.ro', password: 'guess' });
			expect(r).toEqual({ ok: false, errors: { _form: 'account_sign_in_failed' } });
		}
		expect(await signIn(visitor('203.0.113.99'), { email: 'target@example.ro', password: 'guess' })).toEqual({
			ok: false,
			errors: { _form: 'rate_limited' }
		});
	});

	it('asks for a second step when two-factor sign-in is on, and accepts an app code or a backup code', async () => {
		await createCitizen('ana@example.ro');
		const auth = await getAuth();
		const first = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD });
		const session = new CookieJar().take(first.ok ? first.value.headers : new Headers());
		const enabled = await auth.api.enableTwoFactor({ body: { password: PASSWORD }, headers: session.headers() });
		if (enabled.method !== 'totp') throw new Error('expected a TOTP set-up');
		const secret = base32.decode(new URL(enabled.totpURI).searchParams.get('secret')!);
		const code = () => createOTP(secret).totp();
		await auth.api.verifyTOTP({ body: { code: await code() }, headers: session.headers() });
		expect((await userRow('ana@example.ro')).twoFactorEnabled).toBe(true);

		const challenged = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD });
		expect(challenged.ok && challenged.value.step).toBe('two-factor');
		const jar = new CookieJar().take(challenged.ok ? challenged.value.headers : new Headers());
		expect(jar.has('session_token')).toBe(false);
		expect(
			await completeTwoFactorSignIn(visitor(), { method: 'totp', code: '12' }, { headers: jar.headers() })
		).toEqual({
			ok: false,
			errors: { code: 'account_sign_in_code_format' }
		});
		expect(
			await completeTwoFactorSignIn(visitor(), { method: 'backup', code: 'not-a-code' }, { headers: jar.headers() })
		).toEqual({ ok: false, errors: { code: 'account_sign_in_code_wrong' } });
		const backup = await completeTwoFactorSignIn(
			visitor(),
			{ method: 'backup', code: enabled.backupCodes[0] },
			{ headers: jar.headers() }
		);
		expect(backup.ok && new CookieJar().take(backup.value.headers).has('session_token')).toBe(true);

		const again = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD });
		const jar2 = new CookieJar().take(again.ok ? again.value.headers : new Headers());
		const viaApp = await completeTwoFactorSignIn(
			visitor(),
			{ method: 'totp', code: await code() },
			{ headers: jar2.headers() }
		);
		expect(viaApp.ok).toBe(true);
	});

	it('without a pending challenge, the second step asks to sign in again', async () => {
		expect(await completeTwoFactorSignIn(visitor(), { method: 'totp', code: '123456' })).toEqual({
			ok: false,
			errors: { _form: 'account_sign_in_code_expired' }
		});
	});
});

describe('signing out', () => {
	it('ends the session', async () => {
		await createCitizen('ana@example.ro');
		const auth = await getAuth();
		const result = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD });
		const jar = new CookieJar().take(result.ok ? result.value.headers : new Headers());
		expect(await auth.api.getSession({ headers: jar.headers() })).not.toBeNull();
		expect((await actorFromSession(jar.cookies(), jar.headers())).actor.kind).toBe('user');
		await signOut(visitor(), { headers: jar.headers() });
		// Even a copy of the cookies kept after signing out no longer signs anyone in: every request reads the session row.
		expect(await actorFromSession(jar.cookies(), jar.headers())).toMatchObject({
			actor: { kind: 'anonymous' },
			sessionId: null
		});
	});
});

describe('the session of a request', () => {
	async function signedIn() {
		await createCitizen('ana@example.ro');
		const result = await signIn(visitor(), { email: 'ana@example.ro', password: PASSWORD });
		return new CookieJar().take(result.ok ? result.value.headers : new Headers());
	}

	it('is read from the signed cookie, in one statement, without better-auth', async () => {
		const jar = await signedIn();
		const found = await actorFromSession(jar.cookies(), jar.headers());
		expect(found.actor).toMatchObject({ kind: 'user', email: 'ana@example.ro' });
		const [row] = await database().db.select().from(session).where(eq(session.id, found.sessionId!));
		expect(row.userId).toBe(found.actor.kind === 'user' ? found.actor.id : null);
	});

	it('is refused when the cookie was not signed with our secret, or names another token', async () => {
		const jar = await signedIn();
		const value = jar.cookies().get('vocea.session_token')!;
		const token = value.slice(0, value.lastIndexOf('.'));
		expect(verifiedSessionToken(value)).toBe(token);
		const forged = `${token}.${createHmac('sha256', 'not our secret').update(token).digest('base64')}`;
		expect(verifiedSessionToken(forged)).toBeNull();
		const other = `other-token${value.slice(value.lastIndexOf('.'))}`;
		for (const bad of [forged, other, token, '']) {
			jar.set('vocea.session_token', encodeURIComponent(bad));
			expect((await actorFromSession(jar.cookies(), jar.headers())).actor.kind).toBe('anonymous');
		}
	});

	it('is renewed by better-auth once a day of its lifetime has passed, and an expired one signs nobody in', async () => {
		const jar = await signedIn();
		const { sessionId } = await actorFromSession(jar.cookies(), jar.headers());
		const db = database().db;
		const old = new Date(Date.now() + (SESSION_EXPIRES_IN - SESSION_UPDATE_AGE - 60) * 1000);
		await db.update(session).set({ expiresAt: old }).where(eq(session.id, sessionId!));
		expect(dueForRenewal(old)).toBe(true);
		// The caller is told, since the renewed cookie goes out with this response (no shared page then: ADR 0007).
		expect(await actorFromSession(jar.cookies(), jar.headers())).toMatchObject({
			actor: { kind: 'user' },
			renewed: true
		});
		expect((await actorFromSession(jar.cookies(), jar.headers())).renewed).toBe(false);
		const [renewed] = await db.select().from(session).where(eq(session.id, sessionId!));
		expect(renewed.expiresAt.getTime()).toBeGreaterThan(old.getTime() + 3_600_000);
		expect(dueForRenewal(renewed.expiresAt)).toBe(false);
		await db
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, sessionId!));
		expect((await actorFromSession(jar.cookies(), jar.headers())).actor.kind).toBe('anonymous');
	});
});
