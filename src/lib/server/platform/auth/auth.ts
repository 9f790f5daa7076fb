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
		session: {
			expiresIn: 60 * 60 * 24 * 14,
			updateAge: 60 * 60 * 24,
			// getSession answers from a signed cookie for 5 minutes instead of two queries; revocation stays immediate
			// because hooks.server.ts → loadActor checks the session row in its single statement (docs/PERFORMANCE.md).
			cookieCache: { enabled: true, maxAge: 5 * 60 }
		},
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
