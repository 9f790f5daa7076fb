/** Labels of the results pages (client-safe): rule, tie-break, leftover and channel texts. */
import { m } from '#lib/paraglide/messages.js';
import { numberFormat } from '#lib/i18n/format.ts';

export const leiAmount = (value: number, locale: string) =>
	numberFormat(locale, { maximumFractionDigits: 0 }).format(value);

export const ruleText = (rule: string) =>
	rule === 'mes' ? m.budgets_results_rule_mes() : m.budgets_results_rule_greedy();

export function tieBreakText(tieBreak: string, seed: number) {
	switch (tieBreak) {
		case 'file-order':
			return m.budgets_results_tiebreak_file_order();
		case 'lexicographic':
			return m.budgets_results_tiebreak_lexicographic();
		case 'seed':
			return m.budgets_results_tiebreak_seed({ seed: String(seed) });
		default:
			return m.budgets_results_tiebreak_min_cost_max_votes();
	}
}

export const channelText = (channel: string) =>
	channel === 'paper'
		? m.budgets_results_channel_paper()
		: channel === 'assisted'
			? m.budgets_results_channel_assisted()
			: m.budgets_results_channel_online();

export function leftoverText(
	r: { leftover: number; leftoverAction: string | null; topUp: { code: string; added: number } | null },
	topUpLimit: number,
	locale: string,
	title: (code: string) => string
) {
	const amount = leiAmount(r.leftover, locale);
	switch (r.leftoverAction) {
		case 'top_up':
			return m.budgets_results_leftover_top_up({
				project: title(r.topUp?.code ?? ''),
				added: leiAmount(r.topUp?.added ?? 0, locale)
			});
		case 'top_up_none':
			return m.budgets_results_leftover_top_up_none({ amount, limit: leiAmount(topUpLimit, locale) });
		case 'carry_over':
			return m.budgets_results_leftover_carry_over({ amount });
		default:
			return r.leftover > 0 ? m.budgets_results_leftover_none({ amount }) : m.budgets_results_leftover_spent();
	}
}
