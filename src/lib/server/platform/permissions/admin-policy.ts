/** Who may do what in the administration area: one table, role × action, read by every admin command and page. */
import type { Actor, PlatformRole } from '../actors/actor.ts';
import { isUser } from '../actors/actor.ts';
import { decide, deny, type Decision } from './index.ts';

/**
 * Every administrative action. Roles only count once they are in force (two-factor sign-in on), because
 * `loadActor` leaves granted roles in `pendingRoles` until then.
 */
export const adminPolicy = {
	/** See the administration area at all. */
	'area.enter': ['admin', 'staff', 'moderator', 'evaluator'],
	/** Search and list people (staff need it to record an in-person verification). */
	'users.view': ['admin', 'staff'],
	/** Grant and revoke platform roles, department memberships and space roles. */
	'users.manage_roles': ['admin'],
	'departments.view': ['admin', 'staff'],
	'departments.manage': ['admin'],
	'neighbourhoods.manage': ['admin'],
	'zones.manage': ['admin'],
	'audit.view': ['admin'],
	'census.import': ['admin'],
	'verification.in_person': ['admin', 'staff'],
	/** Create, edit, publish participatory processes and mount modules into them. */
	'processes.manage': ['admin', 'staff'],
	/** Moderate comments everywhere (queue, hide, restore) and block people from commenting. */
	'comments.moderate': ['admin', 'moderator'],
	/** Problem reports: work in a department's inbox (staff see their own departments' reports; admins all). */
	'reports.handle': ['admin', 'staff'],
	/** Problem reports: the category tree and its routing, Open311 API keys, the module's settings. */
	'reports.manage': ['admin'],
	/** The development outbox (demo mode only; the page checks that too). */
	'outbox.view': ['admin']
} as const satisfies Record<string, readonly PlatformRole[]>;

export type AdminAction = keyof typeof adminPolicy;
export const adminActions = Object.keys(adminPolicy) as AdminAction[];

/** The decision for one admin action; the system actor (seeds, jobs) may do everything. */
export function canAdmin(actor: Actor, action: AdminAction): Decision {
	if (actor.kind === 'system') return decide(true, '');
	if (!isUser(actor)) return deny('sign_in_required');
	const allowed: readonly PlatformRole[] = adminPolicy[action];
	if (actor.roles.some((r) => allowed.includes(r))) return decide(true, '');
	return deny(actor.pendingRoles.length ? 'two_factor_required' : `admin:${action}`);
}

/** The admin actions an actor may take (the admin navigation shows only these). */
export const allowedAdminActions = (actor: Actor): AdminAction[] =>
	adminActions.filter((a) => canAdmin(actor, a).allowed);
