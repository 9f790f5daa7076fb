/** The e-mails better-auth asks us to send: verification link and password reset link, in the user's language. */
import { publicOrigin } from '../config/env.ts';
import { localizedPath } from '../i18n.ts';
import { sendMail } from '../notifications/mailer.ts';
import { m } from '../i18n.ts';
import { isLocale, type Locale } from '#lib/i18n/index.ts';

type AuthUser = { email: string; name: string; locale?: unknown };

const localeOf = (u: AuthUser): Locale => (isLocale(u.locale) ? u.locale : 'ro');

export async function sendVerificationEmail(u: AuthUser, token: string) {
	const locale = localeOf(u);
	const url = `${publicOrigin()}${localizedPath('/account/confirm', locale)}?token=${encodeURIComponent(token)}`;
	await sendMail({
		to: u.email,
		subject: m.auth_email_verify_subject({}, { locale }),
		text: m.auth_email_verify_body({ name: u.name, url }, { locale })
	});
}

export async function sendPasswordResetEmail(u: AuthUser, token: string) {
	const locale = localeOf(u);
	const url = `${publicOrigin()}${localizedPath('/account/reset-password', locale)}?token=${encodeURIComponent(token)}`;
	await sendMail({
		to: u.email,
		subject: m.auth_email_reset_subject({}, { locale }),
		text: m.auth_email_reset_body({ name: u.name, url }, { locale })
	});
}
