/** Texts of the vote pages built from data: ballot errors with formatted numbers, roll entries, ballot intro. */
import { m } from '#lib/paraglide/messages.js';
import { dateTimeFormat, numberFormat } from '#lib/i18n/format.ts';
import { messageText } from '#lib/ui/messages.ts';
import type { BallotDesign, BallotError } from './ballot-rules.ts';

export const lei = (locale: string, n: number) => numberFormat(locale, { maximumFractionDigits: 0 }).format(n);

/** A ballot rule error in words; money and counts formatted for the reader's locale. */
export function ballotErrorText(e: BallotError, locale: string): string {
	const params: Record<string, string> = {};
	for (const [k, v] of Object.entries(e.params ?? {})) params[k] = typeof v === 'number' ? lei(locale, v) : v;
	return messageText(e.key, params);
}

/** "You already voted …": where and when, from the voter roll (never what). */
export function alreadyVotedText(
	roll: { channel: string; deskName: string | null; at?: Date | string; createdAt?: Date | string },
	locale: string
) {
	const date = dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
		new Date(roll.at ?? roll.createdAt ?? Date.now())
	);
	const desk = roll.deskName ?? '—';
	if (roll.channel === 'paper') return m.budgets_vote_already_paper({ desk, date });
	if (roll.channel === 'assisted') return m.budgets_vote_already_assisted({ desk, date });
	return m.budgets_vote_already_online({ date });
}

/** What the ballot asks for, in one sentence. */
export function ballotIntro(design: BallotDesign): string {
	const perZone = design.ballotScope === 'per_zone';
	switch (design.ballotKind) {
		case 'approval':
			return perZone
				? m.budgets_vote_intro_approval_per_zone({ max: design.maxChoices })
				: m.budgets_vote_intro_approval({ max: design.maxChoices });
		case 'knapsack':
			return perZone ? m.budgets_vote_intro_knapsack_per_zone() : m.budgets_vote_intro_knapsack();
		case 'cumulative':
			return m.budgets_vote_intro_cumulative({ points: design.points, max: design.maxPointsPerProject });
		case 'ranking':
			return m.budgets_vote_intro_ranking({ max: design.maxChoices });
	}
}
