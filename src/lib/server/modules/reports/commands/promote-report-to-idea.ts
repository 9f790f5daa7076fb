/**
 * Staff of the report's department promote it into an idea of a participatory-budgeting edition (pot chosen or
 * found from the neighbourhood, the city's cost estimate); the report's timeline says so once.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import type { Result } from '../../../platform/result.ts';
import { promoteFromForm } from '../../budgets/index.ts';
import { promotionSource, recordPromotion, reportForPromotion } from '../promotion.ts';

export async function promoteReportToIdea(
	actor: Actor,
	reportId: string,
	form: FormData
): Promise<Result<{ id: string; code: string; created: boolean; moduleId: string }>> {
	const loaded = await reportForPromotion(actor, reportId);
	const result = await promoteFromForm(actor, promotionSource(loaded), form);
	if (result.ok && result.value.created)
		await recordPromotion(loaded.db, actor, reportId, 'reports_insights_update_promoted_idea', {
			code: result.value.code
		});
	return result;
}
