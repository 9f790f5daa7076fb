/** Reads the development outbox (e-mails and SMS recorded instead of sent). */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { getDb } from '../db/index.ts';
import { outbox } from '../db/schema.ts';

export async function listOutbox(filter: { to?: string; channel?: string; limit?: number } = {}) {
	const db = await getDb();
	const where: SQL[] = [];
	if (filter.to) where.push(eq(outbox.to, filter.to.toLowerCase()));
	if (filter.channel) where.push(eq(outbox.channel, filter.channel));
	return db
		.select()
		.from(outbox)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(outbox.id))
		.limit(filter.limit ?? 100);
}
