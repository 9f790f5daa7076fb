/**
 * Who may do what in a participatory-budgeting edition. The current phase's stage drives what citizens can do
 * (submit ideas in `ideas`, appeal in `appeals`, vote in `voting`); staff (process managers and the space's
 * administrators) manage the edition, run desks and compute results; the eligibility commission is staff plus
 * citizens holding the space's evaluator role; departments evaluate feasibility and cost of the projects assigned to
 * them (checked per project in the command). Vote eligibility (age, residence, identity proof) is checked by the
 * voting commands, since it depends on the person's verifications and declarations, not only on the phase.
 */
import { hasRole, hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { BudgetsGlobalSettings, BudgetsPhaseSettings } from './settings.ts';

export const budgetsActions = [
	'read',
	'submit',
	'appeal',
	'vote',
	'comment',
	'decide_eligibility',
	'evaluate',
	'decide_appeal',
	'desk',
	'compute_results',
	'track',
	'manage'
] as const;
export type BudgetsAction = (typeof budgetsActions)[number];
export type BudgetsContext = ModuleContext<BudgetsGlobalSettings, BudgetsPhaseSettings>;

/** Staff of the edition: platform process managers and the space's administrators. */
export const managesBudgets = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

/** A member of the eligibility commission: staff, or a citizen given the space's evaluator role. */
export const inCommission = (actor: Actor, spaceId: string) =>
	managesBudgets(actor, spaceId) || hasSpaceRole(actor, spaceId, 'evaluator');

/** City staff who may evaluate (their department's projects) or sit at a desk. */
export const isCityStaff = (actor: Actor) => hasRole(actor, 'staff') || hasRole(actor, 'admin');

const isPublic = (ctx: BudgetsContext) => ctx.space.status === 'published' && ctx.module.published;
const stageIs = (ctx: BudgetsContext, ...stages: BudgetsPhaseSettings['stage'][]) =>
	stages.includes(ctx.phaseSettings.stage);

export function budgetsPermissions(actor: Actor, action: BudgetsAction, ctx: BudgetsContext): Decision {
	const staff = managesBudgets(actor, ctx.space.id);
	switch (action) {
		case 'read':
			return staff || isPublic(ctx) ? allow : deny('not_published');
		case 'manage':
		case 'decide_appeal':
			return staff ? allow : deny('budgets_staff_only');
		case 'compute_results':
			// Results are counted once voting is over, never while ballots may still change.
			if (!staff) return deny('budgets_staff_only');
			return stageIs(ctx, 'results', 'implementation') ? allow : deny('budgets_results_voting_not_over');
		case 'track':
			return staff || isCityStaff(actor) ? allow : deny('budgets_staff_only');
		case 'decide_eligibility':
			if (!inCommission(actor, ctx.space.id)) return deny('budgets_commission_only');
			return staff || stageIs(ctx, 'eligibility', 'appeals') ? allow : deny('budgets_stage_closed');
		case 'evaluate':
			return staff || isCityStaff(actor) ? allow : deny('budgets_departments_only');
		case 'desk':
			if (!(staff || isCityStaff(actor))) return deny('budgets_staff_only');
			return stageIs(ctx, 'voting') ? allow : deny('budgets_voting_closed');
		case 'submit':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return stageIs(ctx, 'ideas') ? allow : deny('budgets_submission_closed');
		case 'appeal':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return stageIs(ctx, 'appeals') ? allow : deny('budgets_appeals_closed');
		case 'vote':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return stageIs(ctx, 'voting') ? allow : deny('budgets_voting_closed');
		case 'comment':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return ctx.phaseSettings.comments === 'enabled' ? allow : deny(`budgets_comments_${ctx.phaseSettings.comments}`);
		default:
			return deny('unknown_action');
	}
}
