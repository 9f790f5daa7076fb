/**
 * Staff merge a duplicate into the report they keep: the duplicate is closed as `duplicate` pointing at the kept one,
 * and its supporters and followers (its reporter too) move over without doubles. Both reports are locked in a fixed
 * order so two merges at once cannot deadlock or count a supporter twice.
 */
import { count, eq, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { follows } from '../../../platform/db/schema.ts';
import { logger } from '../../../platform/log.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { REPORT_RESOURCE } from '../manifest.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { handlesReport } from '../permissions.ts';
import { canStaffMove } from '../rules.ts';
import { reportsReports, reportsSupports, reportsUpdates } from '../schema.ts';
import { numberOf } from '../staff-messages.ts';
import { lockReport, reportForStaff } from '../staff.ts';

export async function mergeReports(
	actor: Actor,
	duplicateId: string,
	keepId: string,
	now: Date = new Date()
): Promise<Result<{ supportersCount: number }>> {
	const db = await getDb();
	const { report: duplicate, ctx, instance } = await reportForStaff(db, actor, duplicateId);
	const [kept] = await db.select().from(reportsReports).where(eq(reportsReports.id, keepId));
	if (!kept || kept.moduleId !== duplicate.moduleId || kept.id === duplicate.id)
		return invalid({ keep: 'reports_staff_error_merge_target' });
	authorize(decide(handlesReport(actor, kept.departmentId), 'reports_staff_other_department'));
	const byUser = isUser(actor) ? actor.id : null;

	const outcome = await db.transaction(async (tx) => {
		const [first, second] = [duplicateId, keepId].sort();
		const locked = new Map([
			[first, await lockReport(tx, first)],
			[second, await lockReport(tx, second)]
		]);
		const dup = locked.get(duplicateId)!;
		const keep = locked.get(keepId)!;
		if (!canStaffMove(dup.state, 'duplicate')) return 'stale' as const;
		if (keep.state === 'duplicate') return 'chain' as const;
		// People who supported or reported the duplicate now support the kept report (the reporter too: "me too").
		await tx.execute(sql`
			insert into ${reportsSupports} (report_id, user_id, created_at)
			select ${keepId}, s.user_id, s.created_at from ${reportsSupports} s where s.report_id = ${duplicateId}
			union
			select ${keepId}, r.author_id, r.created_at from ${reportsReports} r
			where r.id = ${duplicateId} and r.author_id is not null
				and r.author_id is distinct from ${keep.authorId}
			on conflict do nothing`);
		await tx.execute(sql`
			insert into ${follows} (user_id, resource_type, resource_id, created_at)
			select f.user_id, ${REPORT_RESOURCE}, ${keepId}, f.created_at from ${follows} f
			where f.resource_type = ${REPORT_RESOURCE} and f.resource_id = ${duplicateId}
			on conflict do nothing`);
		const [{ n }] = await tx.select({ n: count() }).from(reportsSupports).where(eq(reportsSupports.reportId, keepId));
		await tx.update(reportsReports).set({ supportersCount: n, updatedAt: now }).where(eq(reportsReports.id, keepId));
		await tx
			.update(reportsReports)
			.set({
				state: 'duplicate',
				duplicateOfId: keepId,
				closedAt: now,
				firstAnsweredAt: dup.firstAnsweredAt ?? now,
				updatedAt: now
			})
			.where(eq(reportsReports.id, duplicateId));
		const keptNumber = numberOf(keep, ctx.settings.numberPrefix);
		const dupNumber = numberOf(dup, ctx.settings.numberPrefix);
		await tx.insert(reportsUpdates).values([
			{
				reportId: duplicateId,
				kind: 'system',
				authorId: byUser,
				fromState: dup.state,
				toState: 'duplicate',
				text: 'reports_staff_log_merged_into',
				data: { number: keptNumber, reportId: keepId },
				createdAt: now
			},
			{
				reportId: keepId,
				kind: 'system',
				authorId: byUser,
				text: 'reports_staff_log_merged_from',
				data: { number: dupNumber, reportId: duplicateId },
				createdAt: now
			}
		]);
		await recordAction(tx, actor, {
			action: 'report.merge',
			resourceType: 'report',
			resourceId: duplicateId,
			spaceId: instance.spaceId,
			data: { keepId, supportersCount: n }
		});
		return { supportersCount: n, keptNumber, dupNumber };
	});
	if (outcome === 'stale') return invalid({ keep: 'reports_staff_error_stale' });
	if (outcome === 'chain') return invalid({ keep: 'reports_staff_error_merge_target' });

	await notifyReporter(
		db,
		duplicate,
		'reports_staff_notification_merged',
		{ number: outcome.dupNumber, kept: outcome.keptNumber },
		{ followers: false, except: byUser ? [byUser] : [] }
	).catch((err) => logger().error({ err, duplicateId }, 'reports: merge not notified'));
	return ok({ supportersCount: outcome.supportersCount });
}
