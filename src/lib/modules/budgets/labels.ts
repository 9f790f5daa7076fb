/** Error-summary labels and small formatters of the ideas pages of an edition. */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';
import { dateTimeFormat, numberFormat } from '#lib/i18n/format.ts';
import { messageText } from '#lib/ui/messages.ts';

export const ideaErrorLabels = (): Record<string, string> => ({
	title: m.budgets_field_title(),
	body: m.budgets_field_body(),
	zoneId: m.budgets_field_pot(),
	categoryId: m.budgets_field_category(),
	estimatedCost: m.budgets_field_estimated_cost(),
	authorKind: m.budgets_field_author_kind(),
	place_address: m.budgets_field_address(),
	place_neighbourhood_id: m.budgets_field_neighbourhood(),
	place_lat: m.budgets_field_latitude(),
	place_lng: m.budgets_field_longitude(),
	photos: m.budgets_field_photos()
});

export const decisionErrorLabels = (): Record<string, string> => ({
	outcome: m.budgets_field_outcome(),
	reason: m.budgets_field_reason(),
	cityCost: m.budgets_field_city_cost(),
	text: m.budgets_field_appeal_text(),
	departmentId: m.budgets_field_department(),
	promoteTo: m.budgets_promote_edition(),
	estimatedCost: m.budgets_field_estimated_cost()
});

export const potErrorLabels = (): Record<string, string> => ({
	code: m.budgets_pot_code(),
	zoneId: m.budgets_pot_zone(),
	budget: m.budgets_pot_budget(),
	maxProjectCost: m.budgets_pot_max_project_cost(),
	minEligibleProjects: m.budgets_pot_min_eligible(),
	population: m.budgets_pot_population(),
	pot: m.budgets_pot_title(),
	...Object.fromEntries(locales.map((l) => [`name_${l}`, `${m.budgets_pot_name()} (${localeNames[l]})`]))
});

export const stateText = (state: string) => messageText(`budgets_state_${state}`);
export const stateColour = (state: string) =>
	({ ballot: 'green', funded: 'green', eligible: '', ineligible: '', withdrawn: 'grey' })[state] ?? 'yellow';
export const outcomeText = (outcome: string) => messageText(`budgets_outcome_${outcome}`);
export const decisionKindText = (kind: string) => messageText(`budgets_decision_kind_${kind}`);
export const stageText = (stage: string) => messageText(`budgets_setting_stage_option_${stage}`);

export const formatDate = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Bucharest' }).format(new Date(value));
export const formatDateTime = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
		new Date(value)
	);
export const formatLei = (value: number, locale: string) =>
	numberFormat(locale, { style: 'currency', currency: 'RON', maximumFractionDigits: 0 }).format(value);

export const categoryErrorLabels = (): Record<string, string> =>
	Object.fromEntries(locales.map((l) => [`name_${l}`, `${m.budgets_admin_category_new()} (${localeNames[l]})`]));
