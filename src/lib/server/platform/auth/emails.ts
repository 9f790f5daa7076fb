/** The account e-mails: verification and reset links, "you already have an account", lockout notice; in the user's language. */
import { publicOrigin } from '../config/env.ts';
import { localizedPath } from '../i18n.ts';
import { sendMail } from '../notifications/mailer.ts';
import { m } from '../i18n.ts';
import { isLocale, type Locale } from '#lib/i18n/index.ts';

type AuthUser = { email: string; name: string; locale?: unknown };

const localeOf = (u: AuthUser): Locale => (isLocale(u.locale) ? u.locale : 'ro');
const link = (path: string, locale: Locale) => `${publicOrigin()}${localizedPath(path, locale)}`;

export async function sendVerificationEmail(u: AuthUser, token: string) {
	const locale = localeOf(u);
	const url = `${link('/account/confirm', locale)}?token=${encodeURIComponent(token)}`;
	await sendMail({
		to: u.email,
		subject: m.auth_email_verify_subject({}, { locale }),
		text: m.auth_email_verify_body({ name: u.name, url }, { locale })
	});
}

export async function sendPasswordResetEmail(u: AuthUser, token: string) {
	const locale = localeOf(u);
	const url = `${link('/account/reset-password', locale)}?token=${encodeURIComponent(token)}`;
	await sendMail({
		to: u.email,
		subject: m.auth_email_reset_subject({}, { locale }),
		text: m.auth_email_reset_body({ name: u.name, url }, { locale })
	});
}

/**
 * Someone tried to sign up with an address that already has an account. The page says the same thing either way
 * ("check your e-mail"), so only the owner of the mailbox learns that the account exists.
 */
export async function sendAccountExistsEmail(u: AuthUser) {
	const locale = localeOf(u);
	await sendMail({
		to: u.email,
		subject: m.auth_email_exists_subject({}, { locale }),
		text: m.auth_email_exists_body(
			{ name: u.name, signIn: link('/account/sign-in', locale), reset: link('/account/forgot-password', locale) },
			{ locale }
		)
	});
}

/** Tells the owner that repeated wrong passwords locked the account for a while, and what to do if it was not them. */
export async function sendLockoutEmail(u: AuthUser, minutes: number) {
	const locale = localeOf(u);
	await sendMail({
		to: u.email,
		subject: m.auth_email_locked_subject({}, { locale }),
		text: m.auth_email_locked_body(
			{ name: u.name, minutes: String(minutes), reset: link('/account/forgot-password', locale) },
			{ locale }
		)
	});
}
