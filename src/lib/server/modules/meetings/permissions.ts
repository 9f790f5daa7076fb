/**
 * Who may do what with meetings: everyone reads a published module in a published space; signed-in people register
 * and comment when the current phase allows it (plus the verification the space requires, checked by the runtime);
 * the space's administrators and the platform's process managers manage.
 */
import { hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { MeetingsGlobalSettings, MeetingsPhaseSettings } from './settings.ts';

export const meetingsActions = ['read', 'register', 'comment', 'manage'] as const;
export type MeetingsAction = (typeof meetingsActions)[number];

export const managesMeetings = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

export function meetingsPermissions(
	actor: Actor,
	action: MeetingsAction,
	ctx: ModuleContext<MeetingsGlobalSettings, MeetingsPhaseSettings>
): Decision {
	const staff = managesMeetings(actor, ctx.space.id);
	const visible = staff || (ctx.space.status === 'published' && ctx.module.published);
	switch (action) {
		case 'manage':
			return staff ? allow : deny('meetings_manage_forbidden');
		case 'read':
			return visible ? allow : deny('not_published');
		case 'register':
			if (!visible) return deny('not_published');
			if (!isUser(actor)) return deny('sign_in_required');
			return ctx.phaseSettings.registrations === 'enabled' ? allow : deny('meetings_registrations_blocked');
		case 'comment':
			if (!visible) return deny('not_published');
			if (!isUser(actor)) return deny('sign_in_required');
			return ctx.phaseSettings.comments === 'enabled' ? allow : deny('meetings_comments_blocked');
		default:
			return deny('unknown_action');
	}
}
