/** Who may read and manage information pages: everyone reads a published module in a published space (unless the
 * current phase hides it); the space's administrators and the platform's process managers manage. */
import { hasSpaceRole, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { PagesGlobalSettings, PagesPhaseSettings } from './settings.ts';

export const pagesActions = ['read', 'manage'] as const;
export type PagesAction = (typeof pagesActions)[number];

const manages = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

export function pagesPermissions(
	actor: Actor,
	action: PagesAction,
	ctx: ModuleContext<PagesGlobalSettings, PagesPhaseSettings>
): Decision {
	const staff = manages(actor, ctx.space.id);
	switch (action) {
		case 'manage':
			return staff ? allow : deny('pages_manage_forbidden');
		case 'read':
			if (staff) return allow;
			if (ctx.space.status !== 'published' || !ctx.module.published) return deny('not_published');
			return ctx.phaseSettings.visible ? allow : deny('pages_hidden_in_phase');
		default:
			return deny('unknown_action');
	}
}
