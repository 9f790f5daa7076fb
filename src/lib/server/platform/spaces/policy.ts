/** Who may manage a space: holders of the admin right 'processes.manage', or the space's own administrators. */
import { hasSpaceRole, type Actor } from '../actors/actor.ts';
import { canAdmin } from '../permissions/admin-policy.ts';
import { decide, type Decision } from '../permissions/index.ts';

export function canManageSpace(actor: Actor, spaceId?: string | null): Decision {
	const platform = canAdmin(actor, 'processes.manage');
	if (platform.allowed || !spaceId) return platform;
	return decide(hasSpaceRole(actor, spaceId, 'admin'), platform.reason);
}
