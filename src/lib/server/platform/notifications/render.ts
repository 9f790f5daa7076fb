/** Notification texts in the recipient's language: a message key plus data, where data may hold translated fields. */
import { m } from '#lib/paraglide/messages.js';
import { isLocale, translate, type Locale } from '#lib/i18n/index.ts';
import { publicOrigin } from '../config/env.ts';
import { localizedPath, messageByKey } from '../i18n.ts';

export const emailModes = ['instant', 'digest', 'off'] as const;
export type EmailMode = (typeof emailModes)[number];
export const isEmailMode = (v: unknown): v is EmailMode => emailModes.includes(v as EmailMode);

export const localeOr = (v: unknown): Locale => (isLocale(v) ? v : 'ro');

/** True when `key` names a compiled message (a notification with an unknown key is a bug, caught early). */
export function hasMessage(key: string): boolean {
	return typeof (m as unknown as Record<string, unknown>)[key] === 'function';
}

const isTranslated = (v: unknown): v is { ro: string } =>
	typeof v === 'object' && v !== null && typeof (v as { ro?: unknown }).ro === 'string';

/** Message parameters for one locale: translated fields (`{ ro, en, … }`) become the text in that locale. */
export function paramsFor(data: Record<string, unknown>, locale: string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(data)) out[k] = isTranslated(v) ? translate(v, locale).text : v;
	return out;
}

export function notificationText(key: string, data: Record<string, unknown>, locale: string): string {
	return messageByKey(key, localeOr(locale), paramsFor(data, locale));
}

/** An absolute URL (for e-mails) of a site path, in the recipient's language. */
export function absoluteUrl(path: string, locale: string): string {
	return `${publicOrigin()}${localizedPath(path, localeOr(locale))}`;
}

/** Where a person changes how often they get e-mails. */
export const settingsPath = '/account/notifications';
