/**
 * Who may do what with announcements: everyone reads published ones in a published module and space; the space's
 * administrators and the platform's process managers write them; comments follow the phase setting and the
 * verification the module asks for.
 */
import { hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { NewsGlobalSettings, NewsPhaseSettings } from './settings.ts';

export const newsActions = ['read', 'comment', 'manage'] as const;
export type NewsAction = (typeof newsActions)[number];

export const managesNews = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

export function newsPermissions(
	actor: Actor,
	action: NewsAction,
	ctx: ModuleContext<NewsGlobalSettings, NewsPhaseSettings>
): Decision {
	const staff = managesNews(actor, ctx.space.id);
	const isPublic = ctx.space.status === 'published' && ctx.module.published;
	switch (action) {
		case 'manage':
			return staff ? allow : deny('news_manage_forbidden');
		case 'read':
			return staff || isPublic ? allow : deny('not_published');
		case 'comment':
			if (!isPublic) return deny('not_published');
			if (ctx.phaseSettings.comments !== 'enabled') return deny('news_comments_closed');
			return isUser(actor) ? allow : deny('sign_in_required');
		default:
			return deny('unknown_action');
	}
}
