/** Writes one entry into the register with the next number. Shared by online and staff-entered recommendations. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/index.ts';
import { consultationsConsultations, consultationsRecommendations } from '../schema.ts';

type Entry = Omit<typeof consultationsRecommendations.$inferInsert, 'id' | 'number' | 'consultationId' | 'createdAt'>;

/**
 * Must run inside a transaction. Incrementing the consultation's counter takes its row lock, so concurrent
 * submissions are numbered one after the other, and a rolled-back insert gives its number back: the register has
 * neither gaps nor duplicates (the unique index on (consultation, number) is the last guard).
 */
export async function addRegisterEntry(tx: Db, consultationId: string, entry: Entry) {
	const [{ number }] = await tx
		.update(consultationsConsultations)
		.set({ recommendationsCount: sql`${consultationsConsultations.recommendationsCount} + 1` })
		.where(eq(consultationsConsultations.id, consultationId))
		.returning({ number: consultationsConsultations.recommendationsCount });
	const [row] = await tx
		.insert(consultationsRecommendations)
		.values({ ...entry, consultationId, number })
		.returning();
	return row;
}
