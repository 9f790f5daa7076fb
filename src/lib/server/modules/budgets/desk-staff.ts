/** Shared steps of the desk commands: the edition and desk for a staff action, and "may this person vote here now". */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { verifications } from '../../platform/db/schema.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { deskOrThrow } from './desk-queries.ts';
import type { BudgetsAction } from './permissions.ts';

/** Loads the edition, refuses an actor without `action`, and (with a desk id) the desk of this edition. */
export async function deskModule(
	actor: Actor,
	{ moduleId, deskId, spaceId }: { moduleId: string; deskId?: string; spaceId?: string },
	action: BudgetsAction
) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, action, ctx));
	if (spaceId && ctx.space.id !== spaceId) throw new NotFoundError('module');
	const desk = deskId ? await deskOrThrow(db, moduleId, deskId) : null;
	return { db, ctx, instance, desk };
}

/** A desk only takes a vote from someone whose identity staff checked in person. */
export async function verifiedInPerson(db: Db, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: verifications.id })
		.from(verifications)
		.where(and(eq(verifications.userId, userId), eq(verifications.kind, 'in_person'), isNull(verifications.revokedAt)));
	return Boolean(row);
}

export const staffIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
