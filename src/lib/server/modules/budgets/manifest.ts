/**
 * The `budgets` module manifest: a participatory-budgeting edition — zones with pots, ideas checked for eligibility
 * and evaluated, appeals, one secret ballot per person on every channel, results counted by the PB engine
 * (`packages/pb`) and published for anyone to re-count, and implementation tracking of funded projects.
 */
import { defineModule } from '../../platform/modules/define-module.ts';
import { budgetsActions, budgetsPermissions } from './permissions.ts';
import { budgetsGlobalSettings, budgetsPhaseSettings } from './settings.ts';

export const budgets = defineModule({
	name: 'budgets',
	titleKey: 'budgets_module_name',
	settings: { global: budgetsGlobalSettings, phase: budgetsPhaseSettings },
	actions: budgetsActions,
	defaultVerification: { read: null, submit: 'phone', appeal: null, vote: null, comment: 'email' },
	permissions: budgetsPermissions,
	resources: [{ name: 'project', linkable: true }],
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
