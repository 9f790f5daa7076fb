/**
 * What an agreed reading of a paper ballot means: it goes into the box (the ballot rules accept it) or it is
 * rejected with a reason for the rejected-ballot report. Pure.
 */
import { checkBallot, type BallotPot, type BallotProject } from './ballot-rules.ts';
import type { PaperInvalidReason } from './desk-forms.ts';
import type { BallotChoice } from './schema.ts';
import type { BudgetsGlobalSettings } from './settings.ts';

export type PaperVerdict =
	{ status: 'accepted'; choices: BallotChoice[] } | { status: 'rejected'; reason: PaperInvalidReason };

const reasonOfRule: Record<string, PaperInvalidReason> = {
	budgets_vote_error_too_many: 'too_many_choices',
	budgets_vote_error_over_budget: 'over_budget',
	budgets_vote_error_empty: 'blank',
	budgets_vote_error_points_total: 'too_many_points',
	budgets_vote_error_points_per_project: 'too_many_points',
	budgets_vote_error_points_invalid: 'too_many_points',
	budgets_vote_error_unknown_project: 'unknown_project',
	budgets_vote_error_duplicate: 'unknown_project'
};

export function paperVerdict(
	settings: BudgetsGlobalSettings,
	ballot: { pots: (BallotPot & { zoneId: string | null })[]; projects: BallotProject[] },
	reading: { choices: BallotChoice[]; invalidReason: PaperInvalidReason | null }
): PaperVerdict {
	if (reading.invalidReason) return { status: 'rejected', reason: reading.invalidReason };
	// A paper ballot is anonymous: any pot is allowed, but unless the edition lets people vote in every zone, the
	// marks must stay within one zone pot (besides the city-wide pot).
	if (settings.voterZones !== 'all') {
		const zonePots = new Set(ballot.pots.filter((p) => p.zoneId !== null).map((p) => p.id));
		const used = new Set(
			reading.choices.filter((c) => c.projectIds.length && zonePots.has(c.zoneId)).map((c) => c.zoneId)
		);
		if (used.size > 1) return { status: 'rejected', reason: 'several_zones' };
	}
	const check = checkBallot(
		settings,
		ballot.pots,
		ballot.projects,
		reading.choices,
		ballot.pots.map((p) => p.id)
	);
	if (check.ok) return { status: 'accepted', choices: check.choices };
	return { status: 'rejected', reason: reasonOfRule[check.errors[0].key] ?? 'other' };
}
