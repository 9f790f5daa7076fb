/**
 * Who may do what with problem reports. Anyone may read published reports and report a problem while reporting is
 * open (signed in, or not: then with contact details, or as an anonymous notice if the city accepts them); signed-in
 * people support ("me too"), follow and subscribe. City staff handle the reports of their own departments (checked
 * per report with `handlesReport`); administrators manage categories, routing and API keys; moderators hide reports.
 */
import { hasRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { ReportsGlobalSettings, ReportsPhaseSettings } from './settings.ts';

export const reportsActions = ['read', 'report', 'support', 'subscribe', 'handle', 'moderate', 'manage'] as const;
export type ReportsAction = (typeof reportsActions)[number];
export type ReportsContext = ModuleContext<ReportsGlobalSettings, ReportsPhaseSettings>;

const isPublic = (ctx: ReportsContext) => ctx.space.status === 'published' && ctx.module.published;

/** Staff who work in the reports inbox (of their departments) or admins (every department). */
export const isReportsStaff = (actor: Actor) => canAdmin(actor, 'reports.handle').allowed;

/** May this actor work on a report routed to `departmentId`? Admins: any; staff: their own departments only. */
export function handlesReport(actor: Actor, departmentId: string): boolean {
	if (canAdmin(actor, 'reports.manage').allowed) return true;
	return isReportsStaff(actor) && isUser(actor) && actor.departmentIds.includes(departmentId);
}

export function reportsPermissions(actor: Actor, action: ReportsAction, ctx: ReportsContext): Decision {
	const staff = isReportsStaff(actor);
	switch (action) {
		case 'read':
			return staff || isPublic(ctx) ? allow : deny('not_published');
		case 'report':
			if (!isPublic(ctx) && !staff) return deny('not_published');
			return ctx.phaseSettings.reportingOpen || staff ? allow : deny('reports_reporting_closed');
		case 'support':
		case 'subscribe':
			if (!isUser(actor)) return deny('sign_in_required');
			return isPublic(ctx) ? allow : deny('not_published');
		case 'handle':
			return staff ? allow : deny('reports_staff_only');
		case 'moderate':
			return staff || hasRole(actor, 'moderator') || canAdmin(actor, 'comments.moderate').allowed
				? allow
				: deny('reports_staff_only');
		case 'manage':
			return canAdmin(actor, 'reports.manage').allowed ? allow : deny('reports_admins_only');
	}
}
