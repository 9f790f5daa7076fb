/** Who may do what in a consultation: everyone reads a published one; signed-in people recommend (at the module's
 * verification, e-mail by default); verified organisations request a debate; the space's admins and the platform's
 * process managers manage. Whether the window is open depends on the consultation's dates: see `rules.ts`. */
import { hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import { requireVerification } from '../../platform/permissions/verification.ts';
import type { ConsultationsGlobalSettings, ConsultationsPhaseSettings } from './settings.ts';

export const consultationsActions = ['read', 'recommend', 'request_debate', 'manage'] as const;
export type ConsultationsAction = (typeof consultationsActions)[number];

export const managesConsultations = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

export function consultationsPermissions(
	actor: Actor,
	action: ConsultationsAction,
	ctx: ModuleContext<ConsultationsGlobalSettings, ConsultationsPhaseSettings>
): Decision {
	const staff = managesConsultations(actor, ctx.space.id);
	if (action === 'manage') return staff ? allow : deny('consultations_manage_forbidden');
	const published = ctx.space.status === 'published' && ctx.module.published;
	if (action === 'read') return staff || published ? allow : deny('not_published');
	if (!published) return deny('not_published');
	if (!isUser(actor)) return deny('sign_in_required');
	if (action === 'recommend')
		return ctx.settings.onlineRecommendations ? allow : deny('consultations_online_recommendations_off');
	if (action === 'request_debate') {
		if (!ctx.settings.onlineDebateRequests) return deny('consultations_online_debate_requests_off');
		// Law 52/2003 art. 7(9): a legally constituted association or another authority. Whatever verification the
		// space adds on top, the organisation verification is always needed.
		return requireVerification(actor, 'organisation');
	}
	return deny('unknown_action');
}
