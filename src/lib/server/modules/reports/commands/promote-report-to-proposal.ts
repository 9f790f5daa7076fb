/**
 * Staff of the report's department promote it into a proposal of a proposals module (the `became` link keeps the
 * chain; the report's timeline says so once). Promoting twice returns the first proposal.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { promoteToProposal } from '../../proposals/index.ts';
import { promotionSource, recordPromotion, reportForPromotion } from '../promotion.ts';

export async function promoteReportToProposal(
	actor: Actor,
	reportId: string,
	input: { moduleId: string }
): Promise<Result<{ id: string; moduleId: string; created: boolean }>> {
	const loaded = await reportForPromotion(actor, reportId);
	if (!input.moduleId) return invalid({ proposalModule: 'validation_required' });
	const result = await promoteToProposal(actor, { moduleId: input.moduleId, source: promotionSource(loaded) });
	if (!result.ok) return result;
	if (result.value.created)
		await recordPromotion(loaded.db, actor, reportId, 'reports_insights_update_promoted_proposal', {
			proposalId: result.value.id
		});
	return ok({ ...result.value, moduleId: input.moduleId });
}
