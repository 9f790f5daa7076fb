/**
 * The `reports` module manifest: problem reporting (sesizări) — categories routed to departments, reports with a
 * place, photos and legal deadlines (OG 27/2002), a public timeline, duplicates and "me too", area subscriptions,
 * department inboxes, public statistics, and the Open311 GeoReport v2 API (`/open311/v2`).
 * Parts (exports, stats, search, notifications, personal data) are added by the files that own them.
 */
import { isNotNull, isNull, ne } from 'drizzle-orm';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { defineModule } from '../../platform/modules/define-module.ts';
import { registerFollowable } from '../../platform/notifications/follows.ts';
import { countInModules } from '../../platform/modules/stats.ts';
import { reportsExport } from './exports.ts';
import { reportsPersonalData } from './personal-data.ts';
import { reportsReports, reportsSubscriptions } from './schema.ts';
import { reportDocuments } from './search.ts';
// Reports are the first step of chains (report → proposal → budget idea): registered at import time.
import './chain.ts';
import { reportsActions, reportsPermissions } from './permissions.ts';
import { reportsGlobalSettings, reportsPhaseSettings } from './settings.ts';
import { followableReport, reportFileUses } from './resolvers.ts';

export const REPORT_RESOURCE = 'report';

const reportsTable = { table: reportsReports, moduleId: reportsReports.moduleId, at: reportsReports.createdAt };

export const reports = defineModule({
	name: 'reports',
	titleKey: 'reports_module_name',
	settings: { global: reportsGlobalSettings, phase: reportsPhaseSettings },
	actions: reportsActions,
	defaultVerification: { read: null, report: null, support: 'email', subscribe: 'email' },
	permissions: reportsPermissions,
	resources: [{ name: REPORT_RESOURCE, linkable: true }],
	exports: [reportsExport],
	stats: [
		{
			key: 'reports_reports',
			primary: true,
			count: (db, moduleIds, range) =>
				countInModules(db, reportsTable, moduleIds, range, [
					isNull(reportsReports.hiddenAt),
					ne(reportsReports.state, 'duplicate')
				])
		},
		{
			key: 'reports_fixed',
			count: (db, moduleIds, range) =>
				countInModules(db, { ...reportsTable, at: reportsReports.fixedAt }, moduleIds, range, [
					isNull(reportsReports.hiddenAt),
					isNotNull(reportsReports.fixedAt)
				])
		},
		{
			key: 'reports_area_subscriptions',
			count: (db, moduleIds, range) =>
				countInModules(
					db,
					{ table: reportsSubscriptions, moduleId: reportsSubscriptions.moduleId, at: reportsSubscriptions.createdAt },
					moduleIds,
					range
				)
		}
	],
	search: [{ resource: REPORT_RESOURCE, documents: (db, moduleIds) => reportDocuments(db, moduleIds) }],
	notifications: [
		{ key: 'reports_insights_notification_new_in_area', recipients: 'followers' },
		{ key: 'reports_notification_registered', recipients: 'author' },
		{ key: 'reports_notification_reopened', recipients: 'followers' },
		// Staff side: every state change and public update reaches the reporter and the followers; staff get theirs.
		{ key: 'reports_staff_notification_state', recipients: 'followers' },
		{ key: 'reports_staff_notification_update', recipients: 'followers' },
		{ key: 'reports_staff_notification_forwarded', recipients: 'followers' },
		{ key: 'reports_staff_notification_extended', recipients: 'followers' },
		{ key: 'reports_staff_notification_merged', recipients: 'author' },
		{ key: 'reports_staff_notification_assigned', recipients: 'admins' },
		{ key: 'reports_staff_notification_due_soon', recipients: 'admins' },
		{ key: 'reports_staff_notification_overdue', recipients: 'admins' }
	],
	personalData: reportsPersonalData
});

// Citizen side: people follow reports (the reporter and "me too" supporters do automatically); report photos are
// public with their report.
registerFollowable(REPORT_RESOURCE, followableReport);
if (!fileUseResolvers.includes(reportFileUses)) fileUseResolvers.push(reportFileUses);
