/**
 * "Me too": a signed-in person who has the same problem supports an open report instead of filing a new one, and
 * follows it. Once per person (primary key); the counter moves in the same transaction, so concurrent clicks count
 * one support.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { follows } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { canReports, reportsModule } from '../context.ts';
import { REPORT_RESOURCE } from '../manifest.ts';
import { isOpen } from '../rules.ts';
import { reportsReports, reportsSupports } from '../schema.ts';

export async function supportReport(
	actor: Actor,
	moduleId: string,
	reportId: string
): Promise<Result<{ supportersCount: number; added: boolean }>> {
	const db = await getDb();
	const { ctx } = await reportsModule(db, moduleId);
	authorize(canReports(actor, 'support', ctx));
	if (!isUser(actor)) throw new Error('unreachable: support is for signed-in people');
	const [report] = await db
		.select()
		.from(reportsReports)
		.where(and(eq(reportsReports.id, reportId), eq(reportsReports.moduleId, moduleId)));
	if (!report || report.hiddenAt) throw new NotFoundError('report');
	if (report.authorId === actor.id) return invalid({ _form: 'reports_error_support_own' });
	if (!isOpen(report.state)) return invalid({ _form: 'reports_error_support_closed' });
	return db.transaction(async (tx) => {
		const added = await tx
			.insert(reportsSupports)
			.values({ reportId, userId: actor.id })
			.onConflictDoNothing()
			.returning({ reportId: reportsSupports.reportId });
		await tx
			.insert(follows)
			.values({ userId: actor.id, resourceType: REPORT_RESOURCE, resourceId: reportId })
			.onConflictDoNothing();
		if (!added.length) return ok({ supportersCount: report.supportersCount, added: false });
		const [row] = await tx
			.update(reportsReports)
			.set({ supportersCount: sql`${reportsReports.supportersCount} + 1` })
			.where(eq(reportsReports.id, reportId))
			.returning({ supportersCount: reportsReports.supportersCount });
		return ok({ supportersCount: row.supportersCount, added: true });
	});
}
