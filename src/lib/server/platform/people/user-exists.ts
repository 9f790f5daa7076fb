/** Shared guard for role commands: the target account must exist and not be deleted. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../db/schema.ts';
import { NotFoundError } from '../result.ts';

export async function assertUserExists(db: Db, userId: string): Promise<void> {
	const [u] = await db.select({ deletedAt: user.deletedAt }).from(user).where(eq(user.id, userId));
	if (!u || u.deletedAt) throw new NotFoundError('user');
}
