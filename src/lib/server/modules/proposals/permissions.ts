/**
 * Who may do what with proposals. Everyone reads a published module in a published space; signed-in people create,
 * support and comment when the current phase allows it (and hold the verification the space requires, checked by
 * the runtime); staff (the space's administrators and the platform's process managers) answer and manage;
 * evaluators (platform or space role) evaluate the proposals assigned to them.
 */
import { hasRole, hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { ProposalsGlobalSettings, ProposalsPhaseSettings } from './settings.ts';

export const proposalsActions = ['read', 'create', 'support', 'comment', 'answer', 'evaluate', 'manage'] as const;
export type ProposalsAction = (typeof proposalsActions)[number];
export type ProposalsContext = ModuleContext<ProposalsGlobalSettings, ProposalsPhaseSettings>;

/** Staff of the space: platform process managers and the space's administrators. */
export const managesProposals = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

/** Someone who may be assigned proposals to evaluate in this space. */
export const isEvaluatorIn = (actor: Actor, spaceId: string) =>
	hasRole(actor, 'evaluator') || hasSpaceRole(actor, spaceId, 'evaluator');

const isPublic = (ctx: ProposalsContext) => ctx.space.status === 'published' && ctx.module.published;

export function proposalsPermissions(actor: Actor, action: ProposalsAction, ctx: ProposalsContext): Decision {
	const staff = managesProposals(actor, ctx.space.id);
	switch (action) {
		case 'read':
			return staff || isPublic(ctx) ? allow : deny('not_published');
		case 'manage':
		case 'answer':
			return staff ? allow : deny('proposals_staff_only');
		case 'evaluate':
			return staff || isEvaluatorIn(actor, ctx.space.id) ? allow : deny('proposals_evaluators_only');
		case 'create':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return ctx.phaseSettings.creationEnabled ? allow : deny('proposals_creation_closed');
		case 'support':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return ctx.phaseSettings.supports === 'enabled'
				? allow
				: deny(`proposals_supports_${ctx.phaseSettings.supports}`);
		case 'comment':
			if (!isUser(actor)) return deny('sign_in_required');
			if (!isPublic(ctx)) return deny('not_published');
			return ctx.phaseSettings.comments === 'enabled'
				? allow
				: deny(`proposals_comments_${ctx.phaseSettings.comments}`);
		default:
			return deny('unknown_action');
	}
}
