/** The better-auth instance (e-mail + password, e-mail verification, reset, TOTP), created lazily on first use. */
import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins';
import { authSecret, publicOrigin } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { account, session, twoFactor as twoFactorTable, user, verification } from '../db/schema.ts';
import { CLIENT_IP_HEADER } from './client-headers.ts';
import { sendAccountExistsEmail, sendPasswordResetEmail, sendVerificationEmail } from './emails.ts';

export const PASSWORD_MIN_LENGTH = 10;

let extraPlugins: BetterAuthPlugin[] = [];
/** hooks.server.ts adds the SvelteKit cookie plugin (it needs $app/server, which tests cannot import). */
export function configureAuthPlugins(plugins: BetterAuthPlugin[]) {
	extraPlugins = plugins;
	instance = undefined;
}

/** Sessions last 14 days and are renewed (extended, cookie resent) at most once a day of use. */
export const SESSION_EXPIRES_IN = 60 * 60 * 24 * 14;
export const SESSION_UPDATE_AGE = 60 * 60 * 24;

async function create() {
	const db = await getDb();
	const origin = publicOrigin();
	return betterAuth({
		appName: 'Vocea',
		baseURL: origin,
		secret: authSecret(),
		telemetry: { enabled: false },
		// better-auth's own console logger: quiet in tests, errors only otherwise (our pino log records the rest).
		logger: { disabled: process.env.LOG_LEVEL === 'silent', level: 'error' },
		trustedOrigins: [origin],
		database: drizzleAdapter(db as never, {
			provider: 'pg',
			schema: { user, session, account, verification, twoFactor: twoFactorTable }
		}),
		user: {
			additionalFields: { locale: { type: 'string', required: false, defaultValue: 'ro', input: true } }
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: 200,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user: u, token }) => sendPasswordResetEmail(u, token),
			// Sign-up answers the same for new and existing addresses; the owner of an existing one is told by e-mail.
			onExistingUserSignUp: async ({ user: u }) => {
				if (!(u as { deletedAt?: unknown }).deletedAt) await sendAccountExistsEmail(u);
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: true,
			expiresIn: 60 * 60 * 24,
			sendVerificationEmail: async ({ user: u, token }) => sendVerificationEmail(u, token)
		},
		// Requests check the signed cookie and read the session in one statement themselves (session-actor.ts), and call
		// getSession only to renew a session: no cookie cache needed (docs/PERFORMANCE.md).
		session: { expiresIn: SESSION_EXPIRES_IN, updateAge: SESSION_UPDATE_AGE },
		// Our own database-backed limiter covers the form actions (platform/auth/rate-limit.ts).
		rateLimit: { enabled: false },
		advanced: {
			// Commands put the client address SvelteKit resolved in this header (client-headers.ts).
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
			useSecureCookies: origin.startsWith('https://'),
			cookiePrefix: 'vocea'
		},
		plugins: [twoFactor({ issuer: 'Vocea' }), ...extraPlugins]
	});
}

export type Auth = Awaited<ReturnType<typeof create>>;
let instance: Promise<Auth> | undefined;

export function getAuth(): Promise<Auth> {
	instance ??= create();
	return instance;
}
