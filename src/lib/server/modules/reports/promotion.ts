/**
 * Promotion of a report into a proposal or a budget idea: the staff check (the report's department, or an admin),
 * the source the target module receives, the timeline entry written once promoted, and the page's view.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { authorize, decide } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { promotionTargets } from '../budgets/index.ts';
import { proposalPromotionTargets } from '../proposals/index.ts';
import { reportChain } from './chain.ts';
import { canReports, reportsModule } from './context.ts';
import { handlesReport } from './permissions.ts';
import { registrationNumber } from './rules.ts';
import { reportsReports, reportsUpdates } from './schema.ts';

/** Loads a report for a staff member who handles its department; throws Forbidden / NotFound otherwise. */
export async function reportForPromotion(actor: Actor, reportId: string) {
	const db = await getDb();
	const [report] = await db.select().from(reportsReports).where(eq(reportsReports.id, reportId));
	if (!report) throw new NotFoundError('report');
	const { ctx } = await reportsModule(db, report.moduleId);
	authorize(
		decide(canReports(actor, 'handle', ctx).allowed && handlesReport(actor, report.departmentId), 'reports_staff_only')
	);
	return { db, report, ctx, number: registrationNumber(ctx.settings.numberPrefix, report.number, report.createdAt) };
}

export type PromotableReport = Awaited<ReturnType<typeof reportForPromotion>>;

/** What the proposal or idea starts from: the report's text and place, and its author (never a contact-only one). */
export const promotionSource = ({ report, number }: PromotableReport) => ({
	resourceType: 'report',
	resourceId: report.id,
	title: report.title,
	body: `${report.description}\n\n(${number})`,
	place: { address: report.address, neighbourhoodId: report.neighbourhoodId, lat: report.lat, lng: report.lng },
	authorId: report.authorId
});

/** A public system entry on the report's timeline: it became a proposal / an idea. */
export async function recordPromotion(
	db: Db,
	actor: Actor,
	reportId: string,
	key: 'reports_insights_update_promoted_proposal' | 'reports_insights_update_promoted_idea',
	data: Record<string, unknown>
) {
	await db.insert(reportsUpdates).values({
		reportId,
		kind: 'system',
		authorId: actor.kind === 'user' ? actor.id : null,
		text: key,
		data
	});
}

/** The promotion page: the report, its chain so far, and where it may go. */
export async function viewPromotion(actor: Actor, reportId: string) {
	const loaded = await reportForPromotion(actor, reportId);
	const [proposalTargets, ideaTargets, chain] = await Promise.all([
		proposalPromotionTargets(actor),
		promotionTargets(actor),
		reportChain(reportId)
	]);
	return {
		report: {
			id: loaded.report.id,
			number: loaded.number,
			title: loaded.report.title,
			description: loaded.report.description,
			address: loaded.report.address
		},
		proposalTargets,
		ideaTargets,
		chain
	};
}
