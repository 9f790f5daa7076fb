/**
 * The `reports` module manifest: problem reporting (sesizări) — categories routed to departments, reports with a
 * place, photos and legal deadlines (OG 27/2002), a public timeline, duplicates and "me too", area subscriptions,
 * department inboxes, public statistics, and the Open311 GeoReport v2 API (`/open311/v2`).
 * Parts (exports, stats, search, notifications, personal data) are added by the files that own them.
 */
import { defineModule } from '../../platform/modules/define-module.ts';
import { reportsActions, reportsPermissions } from './permissions.ts';
import { reportsGlobalSettings, reportsPhaseSettings } from './settings.ts';

export const REPORT_RESOURCE = 'report';

export const reports = defineModule({
	name: 'reports',
	titleKey: 'reports_module_name',
	settings: { global: reportsGlobalSettings, phase: reportsPhaseSettings },
	actions: reportsActions,
	defaultVerification: { read: null, report: null, support: 'email', subscribe: 'email' },
	permissions: reportsPermissions,
	resources: [{ name: REPORT_RESOURCE, linkable: true }],
	exports: [],
	stats: [],
	search: [],
	notifications: [],
	personalData: {
		async exportFor() {
			return {};
		},
		async anonymize() {}
	}
});
