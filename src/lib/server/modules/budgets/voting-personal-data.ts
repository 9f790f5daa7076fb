/**
 * The voting part of the budgets manifest: a stat (people who voted), and personal data — the voter-roll entries
 * (that, when, how and where the person voted), never a ballot: nothing links a person to one.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { inRange } from '../../platform/modules/stats.ts';
import { budgetsDesks, budgetsVoters } from './schema.ts';

export const votersStat = {
	key: 'budgets_voters',
	async count(db: Db, moduleIds: string[], range: Parameters<typeof inRange>[1]) {
		if (!moduleIds.length) return 0;
		const [row] = await db
			.select({ n: count() })
			.from(budgetsVoters)
			.where(and(inArray(budgetsVoters.moduleId, moduleIds), ...inRange(budgetsVoters.createdAt, range)));
		return row?.n ?? 0;
	}
};

export async function votingDataOf(db: Db, userId: string) {
	const rows = await db
		.select({ roll: budgetsVoters, desk: budgetsDesks.name })
		.from(budgetsVoters)
		.leftJoin(budgetsDesks, eq(budgetsDesks.id, budgetsVoters.deskId))
		.where(eq(budgetsVoters.userId, userId));
	return {
		budgets_votes: rows.map(({ roll, desk }) => ({
			edition: roll.moduleId,
			channel: roll.channel,
			desk,
			casts: roll.casts,
			first_cast_at: roll.createdAt.toISOString(),
			last_cast_at: roll.updatedAt.toISOString()
		}))
	};
}

/** The roll entry stays (it keeps one ballot per person and the turnout); a staff member's name leaves the desk log. */
export async function anonymizeVoting(db: Db, userId: string) {
	await db.update(budgetsVoters).set({ staffId: null }).where(eq(budgetsVoters.staffId, userId));
}
