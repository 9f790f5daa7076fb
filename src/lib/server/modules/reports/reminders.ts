/**
 * Deadline reminders (a daily job): open reports whose legal answer date is within `reminderDaysBefore` days remind
 * their assignee and their department's heads once ("due soon"); reports past the date remind both once more
 * ("overdue"). Anonymous notices have no legal date and are skipped. Each reminder is claimed in `reports_reminders`
 * before it is sent, so reruns and two workers never send one twice.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { departmentMembers } from '../../platform/db/schema.ts';
import { logger } from '../../platform/log.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { reportsModule } from './context.ts';
import { daysLeft, openStates, registrationNumber } from './rules.ts';
import { reportsReminders, reportsReports } from './schema.ts';
import { staffReportPath } from './staff.ts';

export const REPORTS_REMINDER_JOB = 'reports.reminders';

export async function sendReportReminders(
	db: Db,
	now: Date = new Date()
): Promise<{ dueSoon: number; overdue: number }> {
	const today = todayInBucharest(now.getTime());
	const due = sql<string>`coalesce(${reportsReports.extendedDueOn}, ${reportsReports.dueOn})`;
	// The widest window any module allows (30 days); each module's own setting is applied below.
	const rows = await db
		.select({
			id: reportsReports.id,
			moduleId: reportsReports.moduleId,
			number: reportsReports.number,
			title: reportsReports.title,
			createdAt: reportsReports.createdAt,
			departmentId: reportsReports.departmentId,
			assigneeId: reportsReports.assigneeId,
			due
		})
		.from(reportsReports)
		.where(
			and(
				inArray(reportsReports.state, [...openStates]),
				isNotNull(reportsReports.dueOn),
				isNull(reportsReports.hiddenAt),
				sql`${due} <= (${today}::date + 30)`
			)
		);
	const settings = new Map<string, { days: number; prefix: string }>();
	const sent = { dueSoon: 0, overdue: 0 };
	for (const row of rows) {
		if (!settings.has(row.moduleId)) {
			const { ctx } = await reportsModule(db, row.moduleId, now);
			settings.set(row.moduleId, {
				days: ctx.settings.reminderDaysBefore,
				prefix: ctx.settings.numberPrefix
			});
		}
		const { days, prefix } = settings.get(row.moduleId)!;
		const left = daysLeft(row.due, today)!;
		const kind = left < 0 ? 'overdue' : left <= days ? 'due_soon' : null;
		if (!kind) continue;
		const claimed = await db
			.insert(reportsReminders)
			.values({ reportId: row.id, kind, dueOn: row.due })
			.onConflictDoNothing()
			.returning({ reportId: reportsReminders.reportId });
		if (!claimed.length) continue;
		const heads = await db
			.select({ userId: departmentMembers.userId })
			.from(departmentMembers)
			.where(and(eq(departmentMembers.departmentId, row.departmentId), eq(departmentMembers.head, true)));
		const userIds = [...new Set([...(row.assigneeId ? [row.assigneeId] : []), ...heads.map((h) => h.userId)])];
		try {
			await notify(db, {
				userIds,
				key: kind === 'overdue' ? 'reports_staff_notification_overdue' : 'reports_staff_notification_due_soon',
				data: {
					number: registrationNumber(prefix, row.number, row.createdAt),
					title: row.title,
					date: row.due,
					days: Math.abs(left)
				},
				link: staffReportPath(row.id)
			});
		} catch (err) {
			logger().error({ err, reportId: row.id }, 'reports: reminder not sent');
		}
		if (kind === 'overdue') sent.overdue++;
		else sent.dueSoon++;
	}
	return sent;
}
