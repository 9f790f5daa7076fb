/**
 * The engine's structured explanations (reason codes and exact numbers) as message keys with parameters, so the
 * results page says in the reader's language why each project was or was not funded.
 */
import type { ProjectExplanation } from './pb.ts';

export interface Explained {
	key: string;
	params: Record<string, string | number>;
}

/** An exact amount ("12", "12.5" or "7/3") as a number of lei (rounded to bani for display). */
export function exactToNumber(x: string | undefined): number {
	if (!x) return 0;
	const [p, q] = x.split('/');
	const v = q === undefined ? Number(p) : Number(p) / Number(q);
	return Math.round(v * 100) / 100;
}

/**
 * `format` turns an amount of lei into the reader's notation; `title` names a project code for the reader.
 * `topUp` is the project the leftover rule added (its engine explanation says "not funded").
 */
export function explainProject(
	x: ProjectExplanation,
	opts: {
		topUp?: { code: string; added: number } | null;
		format: (lei: number) => string;
		title: (code: string) => string;
	}
): Explained {
	const lei = (v: string | undefined) => opts.format(exactToNumber(v));
	if (opts.topUp?.code === x.id)
		return { key: 'budgets_results_reason_top_up', params: { added: opts.format(opts.topUp.added) } };
	switch (x.reason) {
		case 'funded':
			if (x.round !== undefined)
				return {
					key: 'budgets_results_reason_mes_funded',
					params: { round: x.round, price: lei(x.pricePerVoter) }
				};
			return { key: 'budgets_results_reason_funded', params: { rank: x.rank ?? 0, left: lei(x.budgetLeft) } };
		case 'does-not-fit':
			return {
				key: 'budgets_results_reason_does_not_fit',
				params: { rank: x.rank ?? 0, cost: lei(x.cost), left: lei(x.budgetLeft) }
			};
		case 'unaffordable': {
			const spent = (x.supportersSpentOn ?? []).slice(0, 3).map((s) => opts.title(s.id));
			return spent.length
				? {
						key: 'budgets_results_reason_unaffordable',
						params: { money: lei(x.supportersMoney), shortfall: lei(x.shortfall), spent: spent.join(', ') }
					}
				: {
						key: 'budgets_results_reason_unaffordable_alone',
						params: { money: lei(x.supportersMoney), shortfall: lei(x.shortfall) }
					};
		}
		// Our greedy threshold is one vote: below it means nobody voted for the project.
		case 'below-threshold':
		case 'no-supporters':
			return { key: 'budgets_results_reason_no_supporters', params: {} };
		case 'added-by-completion':
			return { key: 'budgets_results_reason_completion', params: {} };
		case 'zero-cost':
			return { key: 'budgets_results_reason_zero_cost', params: {} };
		default:
			return x.funded
				? { key: 'budgets_results_reason_completion', params: {} }
				: { key: 'budgets_results_reason_not_selected', params: {} };
	}
}
