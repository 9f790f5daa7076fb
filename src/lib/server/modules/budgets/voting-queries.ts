/** Read models of the voting journey: the projects on the ballot with what the ballot page shows, the voter's place. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { neighbourhoods, user, zoneNeighbourhoods } from '../../platform/db/schema.ts';
import { onBallot } from './queries.ts';
import { budgetsBallots, budgetsProjects } from './schema.ts';

/** Projects on the ballot, in code order, with the cost used everywhere (`city_cost ?? estimated_cost`). */
export const ballotProjectsOf = (db: Db, moduleId: string) =>
	db
		.select({
			id: budgetsProjects.id,
			zoneId: budgetsProjects.zoneId,
			code: budgetsProjects.code,
			title: budgetsProjects.title,
			categoryId: budgetsProjects.categoryId,
			latitude: budgetsProjects.latitude,
			longitude: budgetsProjects.longitude,
			neighbourhood: neighbourhoods.name,
			cost: sql<number>`coalesce(${budgetsProjects.cityCost}, ${budgetsProjects.estimatedCost})`.mapWith(Number)
		})
		.from(budgetsProjects)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetsProjects.neighbourhoodId))
		.where(and(eq(budgetsProjects.moduleId, moduleId), onBallot()))
		.orderBy(asc(budgetsProjects.code));

/** The neighbourhood on the person's profile and the platform zones that contain it. */
export async function voterPlaceOf(db: Db, userId: string) {
	const [row] = await db.select({ neighbourhoodId: user.neighbourhoodId }).from(user).where(eq(user.id, userId));
	const neighbourhoodId = row?.neighbourhoodId ?? null;
	const zoneIds = neighbourhoodId
		? (
				await db
					.select({ zoneId: zoneNeighbourhoods.zoneId })
					.from(zoneNeighbourhoods)
					.where(eq(zoneNeighbourhoods.neighbourhoodId, neighbourhoodId))
			).map((r) => r.zoneId)
		: [];
	return { neighbourhoodId, zoneIds };
}

/** Whether a ballot in the box can be replaced by this person with this change key. */
export async function changeKeyHeld(db: Db, moduleId: string, changeKey: string) {
	const [row] = await db
		.select({ id: budgetsBallots.id })
		.from(budgetsBallots)
		.where(and(eq(budgetsBallots.moduleId, moduleId), eq(budgetsBallots.changeKey, changeKey)));
	return Boolean(row);
}
