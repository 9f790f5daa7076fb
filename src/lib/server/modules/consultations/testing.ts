/** e2e support only (served by a test hook when test hooks are on): moves a consultation back in time, so a story
 * can reach the end of its recommendations window without waiting ten days. */
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../../platform/db/index.ts';
import { consultationsConsultations, consultationsRecommendations } from './schema.ts';

export async function backdateConsultationForTests(moduleId: string, days: number): Promise<boolean> {
	const db = await getDb();
	const shift = (column: unknown) => sql`${column} - ${days}::int`;
	const [c] = await db
		.update(consultationsConsultations)
		.set({
			publishedOn: shift(consultationsConsultations.publishedOn),
			recommendationsCloseOn: shift(consultationsConsultations.recommendationsCloseOn),
			approvalOn: shift(consultationsConsultations.approvalOn)
		})
		.where(eq(consultationsConsultations.moduleId, moduleId))
		.returning({ id: consultationsConsultations.id });
	if (!c) return false;
	await db
		.update(consultationsRecommendations)
		.set({ receivedOn: shift(consultationsRecommendations.receivedOn) })
		.where(eq(consultationsRecommendations.consultationId, c.id));
	return true;
}
