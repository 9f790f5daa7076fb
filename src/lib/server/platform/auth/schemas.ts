/** Input fields shared by the account commands; messages are message keys. */
import { z } from 'zod';
import { locales } from '#lib/i18n/index.ts';
import { PASSWORD_MIN_LENGTH } from './auth.ts';

export const emailField = z
	.string('validation_required')
	.trim()
	.toLowerCase()
	.min(1, 'validation_required')
	.max(254, 'validation_too_long')
	.pipe(z.email('validation_email'));

/** A new password: the length rule is shown as a hint next to the field. */
export const newPasswordField = z
	.string('validation_required')
	.min(1, 'validation_required')
	.min(PASSWORD_MIN_LENGTH, 'account_password_too_short')
	.max(200, 'validation_too_long');

/** A password being checked: any length, so a too-short guess fails like any wrong one. */
export const currentPasswordField = z.string('validation_required').min(1, 'validation_required').max(200);

export const displayNameField = z
	.string('validation_required')
	.trim()
	.min(1, 'validation_required')
	.max(100, 'validation_too_long');

export const localeField = z.enum(locales as unknown as [string, ...string[]], 'validation_invalid');
