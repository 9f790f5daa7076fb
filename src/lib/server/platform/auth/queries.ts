/** Reads for the account pages: the person's own details and the neighbourhoods they may choose from. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { neighbourhoods, user } from '../db/schema.ts';
import type { Translated } from '../db/columns.ts';

export async function getOwnAccount(db: Db, userId: string) {
	const [row] = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			locale: user.locale,
			neighbourhoodId: user.neighbourhoodId,
			twoFactorEnabled: user.twoFactorEnabled,
			createdAt: user.createdAt,
			neighbourhoodName: neighbourhoods.name
		})
		.from(user)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, user.neighbourhoodId))
		.where(eq(user.id, userId));
	return row ?? null;
}

export async function listNeighbourhoodChoices(db: Db): Promise<{ id: string; name: Translated }[]> {
	return db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
}
