/** Two-factor set-up state for one account: on, waiting for its first code (secret re-shown), or off. */
import { eq } from 'drizzle-orm';
import { symmetricDecrypt } from 'better-auth/crypto';
import { createOTP } from '@better-auth/utils/otp';
import { renderSVG } from 'uqr';
import { getAuth } from '../auth/auth.ts';
import { getDb } from '../db/index.ts';
import { twoFactor, user } from '../db/schema.ts';

export interface TotpSetup {
	/** Base32 secret, for typing into an authenticator app. */
	secret: string;
	uri: string;
	/** The URI as a QR code, an inline SVG rendered on the server (no network, no script). */
	qrSvg: string;
}

/** otpauth://totp/Vocea:ana@example.ro?secret=ABC… → the set-up details shown to the person. */
export function totpSetup(uri: string): TotpSetup {
	const secret = new URL(uri).searchParams.get('secret') ?? '';
	return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

export type TwoFactorState = { status: 'on' } | { status: 'off' } | { status: 'pending'; setup: TotpSetup };

export async function twoFactorState(userId: string): Promise<TwoFactorState> {
	const db = await getDb();
	const [u] = await db.select({ on: user.twoFactorEnabled, email: user.email }).from(user).where(eq(user.id, userId));
	if (u?.on) return { status: 'on' };
	const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
	if (!row || row.verified !== false) return { status: 'off' };
	// Set-up started but never confirmed (e.g. the page was reloaded): show the same secret again.
	const auth = await getAuth();
	const context = await auth.$context;
	const raw = await symmetricDecrypt({ key: context.secretConfig, data: row.secret });
	return { status: 'pending', setup: totpSetup(createOTP(raw).url('Vocea', u?.email ?? '')) };
}
