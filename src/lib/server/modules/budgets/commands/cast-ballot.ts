/**
 * A citizen casts their ballot online (or, with a receipt, replaces it while voting is open and changes are
 * allowed): checked like the review step, written by the ballot box in one transaction, answered after COMMIT,
 * then the receipt goes out by e-mail and SMS. A second cast on any channel ends as `already_voted`.
 */
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { config } from '../../../platform/config/env.ts';
import type { Db, Tx } from '../../../platform/db/index.ts';
import { withSharedData } from '../../../platform/http/shared-data.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { translate } from '../../../../i18n/index.ts';
import { castInBallotBox } from '../ballot-box.ts';
import { editionUrl } from '../queries.ts';
import { formatReceipt } from '../receipt.ts';
import type { BallotChoice } from '../schema.ts';
import { sendVoteReceipt } from '../vote-receipt.ts';
import { prepareBallot, votingOf, type BallotInput } from '../voting.ts';

export type CastResult =
	| { status: 'cast' | 'replaced'; receipt: string; choices: BallotChoice[] }
	| { status: 'already_voted'; channel: string; deskName: string | null; at: Date };

export async function castBallot(
	actor: Actor,
	where: { spaceSlug?: string; moduleId: string },
	input: BallotInput,
	options: { receipt?: string; locale?: string } = {}
): Promise<Result<CastResult>> {
	const locale = options.locale ?? (isUser(actor) ? actor.locale : 'ro');
	// The edition (module, phases, pots, projects on the ballot) from the shared data cache, unlike other commands
	// (ADR 0006): it does not change while voting is open, and the phase is still decided by today's date; a cast
	// with data up to PAGE_CACHE_SECONDS old is like one sent a moment before staff changed it. Saves 4 of 9
	// statements per cast (bench/budgets).
	const voting = await withSharedData(config.pageCacheSeconds(), () =>
		votingOf(actor, { ...where, zone: input.zone }, locale, { withRoll: false })
	);
	const prepared = prepareBallot(voting, input);
	if (!prepared.ok) return prepared;
	const me = actor as Extract<Actor, { kind: 'user' }>;
	if (options.receipt !== undefined && !voting.settings.ballotChangeAllowed)
		return invalid({ _form: 'budgets_vote_error_change_not_allowed' });
	const cast = (tx: Tx | Db) =>
		castInBallotBox(tx, {
			moduleId: where.moduleId,
			userId: me.id,
			channel: 'online',
			choices: prepared.value.choices,
			...(options.receipt !== undefined ? { replace: { receipt: options.receipt } } : {})
		});
	// A first cast is one atomic statement; a change locks the roll row, so it needs a transaction.
	const outcome = options.receipt !== undefined ? await voting.db.transaction(cast) : await cast(voting.db);
	// Committed from here on: only now is the voter told.
	switch (outcome.status) {
		case 'already_voted': {
			const roll = await votingOf(actor, where, locale);
			return ok({
				status: 'already_voted',
				channel: outcome.channel,
				deskName: roll.roll?.deskName ?? null,
				at: outcome.at
			});
		}
		case 'receipt_invalid':
			return invalid({ receipt: 'budgets_vote_error_receipt_invalid' });
		case 'not_voted':
			return invalid({ receipt: 'budgets_vote_error_not_voted' });
	}
	const receipt = formatReceipt(outcome.receipt);
	const byId = new Map(voting.projects.map((p) => [p.id, p]));
	await sendVoteReceipt(voting.db, {
		userId: me.id,
		email: me.email,
		locale,
		edition: translate(voting.module.title, locale).text,
		receipt,
		lines: prepared.value.choices.flatMap((c) =>
			c.projectIds.map((id, i) => {
				const p = byId.get(id)!;
				return `${p.code} ${p.title}${c.points ? ` (${c.points[i]})` : ''}`;
			})
		),
		votePath: `${editionUrl(voting.space.slug, where.moduleId)}/vote`,
		changeAllowed: voting.settings.ballotChangeAllowed
	});
	return ok({ status: outcome.status, receipt, choices: prepared.value.choices });
}
