/**
 * What the vote pages show: the ballot (eligibility, the voter's pots and projects, live summary of a submitted
 * selection, whether they already voted and where), and the check of a receipt before a change. Reads only.
 */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../platform/result.ts';
import { translate } from '../../../i18n/index.ts';
import { ballotSummary, choicesFromSelection } from './ballot-rules.ts';
import { categoriesOf, projectUrl } from './queries.ts';
import { changeKeyOf, normaliseReceipt } from './receipt.ts';
import { changeKeyHeld } from './voting-queries.ts';
import type { BallotChoice } from './schema.ts';
import { prepareBallot, votingOf, type BallotInput, type Voting } from './voting.ts';

export async function viewBallot(
	actor: Actor,
	where: { spaceSlug: string; moduleId: string },
	{
		zone,
		locale,
		changeCode,
		input
	}: { zone: string | null; locale: string; changeCode?: string | null; input?: BallotInput }
) {
	const voting = await votingOf(actor, { ...where, zone }, locale);
	const { db, design, eligibility } = voting;
	const categories = (await categoriesOf(db, where.moduleId)).map((c) => ({
		id: c.id,
		name: translate(c.name, locale).text
	}));
	const categoryName = new Map(categories.map((c) => [c.id, c.name]));
	const changing =
		isUser(actor) && !!changeCode && voting.settings.ballotChangeAllowed
			? await changeKeyHeld(db, where.moduleId, changeKeyOf(changeCode, actor.id))
			: false;
	const choices = input ? choicesFromSelection(design, voting.projects, input.selection) : [];
	return {
		module: voting.module,
		space: voting.space,
		design,
		minAge: voting.settings.minAge,
		changeAllowed: voting.settings.ballotChangeAllowed,
		canVote: voting.decision,
		eligibility,
		zone: voting.zone,
		choosablePots: voting.pots.filter((p) => eligibility.choosablePotIds.includes(p.id)),
		pots: voting.ballotPots,
		categories,
		projects: voting.ballotProjects.map((p) => ({
			...p,
			category: p.categoryId ? (categoryName.get(p.categoryId) ?? null) : null,
			url: projectUrl(voting.space.slug, where.moduleId, p.id)
		})),
		roll: voting.roll,
		changing,
		summary: ballotSummary(design, voting.pots, voting.projects, choices, eligibility.allowedPotIds)
	};
}

/** Checks a receipt typed on the change page: this voter's replaceable online ballot. Returns the canonical code. */
export async function receiptForChange(
	actor: Actor,
	where: { spaceSlug: string; moduleId: string },
	typed: string
): Promise<Result<{ code: string }>> {
	const voting = await votingOf(actor, where);
	authorize(voting.decision);
	if (!voting.settings.ballotChangeAllowed) return invalid({ _form: 'budgets_vote_error_change_not_allowed' });
	if (!voting.roll) return invalid({ receipt: 'budgets_vote_error_not_voted' });
	const code = normaliseReceipt(typed);
	const me = actor as Extract<Actor, { kind: 'user' }>;
	if (!code || !(await changeKeyHeld(voting.db, where.moduleId, changeKeyOf(code, me.id))))
		return invalid({ receipt: 'budgets_vote_error_receipt_invalid' });
	return ok({ code });
}

/** The review step: the ballot checked exactly as the cast will check it, listed for confirmation. Writes nothing. */
export async function reviewBallot(
	actor: Actor,
	where: { spaceSlug: string; moduleId: string },
	input: BallotInput,
	locale: string
) {
	const voting = await votingOf(actor, { ...where, zone: input.zone }, locale);
	const prepared = prepareBallot(voting, input);
	if (!prepared.ok) return prepared;
	return ok({ lines: ballotLines(voting, prepared.value.choices) });
}

/** The chosen projects per pot, for the review and receipt pages. */
export function ballotLines(voting: Pick<Voting, 'pots' | 'projects'>, choices: BallotChoice[]) {
	const byId = new Map(voting.projects.map((p) => [p.id, p]));
	return choices.map((c) => ({
		pot: voting.pots.find((p) => p.id === c.zoneId)?.name ?? '',
		projects: c.projectIds.map((id, i) => ({
			code: byId.get(id)?.code ?? '',
			title: byId.get(id)?.title ?? '',
			cost: byId.get(id)?.cost ?? 0,
			points: c.points?.[i] ?? null
		}))
	}));
}

/** The receipt page: what was cast (from the voter's own short-lived cookie) and where they stand on the roll. */
export async function viewReceipt(
	actor: Actor,
	where: { spaceSlug: string; moduleId: string },
	flash: { choices: BallotChoice[] } | null,
	locale: string
) {
	const voting = await votingOf(actor, where, locale);
	return {
		module: voting.module,
		space: voting.space,
		changeAllowed: voting.settings.ballotChangeAllowed && voting.decision.allowed,
		roll: voting.roll,
		lines: flash && voting.roll ? ballotLines(voting, flash.choices) : []
	};
}
