/** Reads for the account pages: the person's own details and the neighbourhoods they may choose from. */
import { asc, eq } from 'drizzle-orm';
import { isUser, type Actor, type UserActor } from '../actors/actor.ts';
import { getDb, type Db } from '../db/index.ts';
import { neighbourhoods, user } from '../db/schema.ts';
import type { Translated } from '../db/columns.ts';
import { authorize, decide } from '../permissions/index.ts';
import { NotFoundError } from '../result.ts';

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

/** The signed-in person's own account ("My account"); a deleted or missing account is a 404. */
export async function myAccount(actor: Actor) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const account = await getOwnAccount(await getDb(), (actor as UserActor).id);
	if (!account) throw new NotFoundError('account');
	return account;
}

/** What the profile form shows: the person's account and the neighbourhoods to choose from. */
export async function myProfileForm(actor: Actor) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const db = await getDb();
	const [account, choices] = await Promise.all([
		getOwnAccount(db, (actor as UserActor).id),
		listNeighbourhoodChoices(db)
	]);
	if (!account) throw new NotFoundError('account');
	return { account, neighbourhoods: choices };
}
