/** Small formatters and labels of the implementation pages (client-safe). */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';
import { dateTimeFormat, numberFormat } from '#lib/i18n/format.ts';
import { messageText } from '#lib/ui/messages.ts';

export const statusText = (status: string) => messageText(`budgets_impl_status_${status}`);

export const lei = (value: number, locale: string) =>
	numberFormat(locale, { style: 'currency', currency: 'RON', maximumFractionDigits: 0 }).format(value);

export const day = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Bucharest' }).format(new Date(value));

export const implementationErrorLabels = (): Record<string, string> => ({
	status: m.budgets_impl_field_status(),
	progress: m.budgets_impl_field_progress(),
	spent: m.budgets_impl_field_spent(),
	departmentId: m.budgets_impl_field_department(),
	reason: m.budgets_impl_field_reason(),
	photos: m.budgets_impl_field_photos(),
	...Object.fromEntries(locales.map((l) => [`text_${l}`, `${m.budgets_impl_field_text()} (${localeNames[l]})`]))
});
