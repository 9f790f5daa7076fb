/** Texts the staff commands put into notifications: a state's name in every language, the registration number. */
import { locales } from '#lib/i18n/index.ts';
import { messageByKey } from '../../platform/i18n.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { registrationNumber } from './rules.ts';
import type { ReportState } from './schema.ts';

/** A message in every locale, so each recipient reads it in their own language. */
export function inEveryLocale(key: string, params: Record<string, unknown> = {}): Translated {
	return Object.fromEntries(locales.map((l) => [l, messageByKey(key, l, params)])) as Translated;
}

export const stateName = (state: ReportState) => inEveryLocale(`reports_staff_state_${state}`);

export const numberOf = (report: { number: number; createdAt: Date }, prefix: string) =>
	registrationNumber(prefix, report.number, report.createdAt);
