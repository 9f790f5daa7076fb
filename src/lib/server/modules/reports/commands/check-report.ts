/**
 * Step 1 of the report form: checks everything a report needs and, when it is complete, lists the possible
 * duplicates (same category, nearby, recent, open) the person should see before sending — nothing is written.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canEnterReport, reportsModule } from '../context.ts';
import { findDuplicates, type PossibleDuplicate } from '../duplicates.ts';
import { validateNewReport, type NewReport } from './create-report.ts';

export async function checkReport(
	actor: Actor,
	moduleId: string,
	input: NewReport,
	now: Date = new Date()
): Promise<Result<{ duplicates: PossibleDuplicate[] }>> {
	const db = await getDb();
	const { ctx } = await reportsModule(db, moduleId, now);
	authorize(canEnterReport(actor, input.channel, ctx));
	const valid = await validateNewReport(db, moduleId, ctx.settings, actor, input);
	if (!valid.ok) return valid;
	const duplicates = await findDuplicates(
		db,
		moduleId,
		{ categoryId: valid.value.category.id, ...input.place },
		ctx.settings,
		now
	);
	return ok({ duplicates });
}
