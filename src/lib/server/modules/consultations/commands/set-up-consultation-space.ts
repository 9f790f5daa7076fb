/** A consultation is a process type: creating a space of kind `consultation` mounts the consultations module in it,
 * titled after the space, so staff go straight to writing the announcement. */
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { findSpace } from '../../../platform/spaces/queries.ts';
import { mountModule } from '../../../platform/spaces/commands/mount-module.ts';
import { NotFoundError, type Result } from '../../../platform/result.ts';
import { consultations } from '../manifest.ts';

export async function setUpConsultationSpace(actor: Actor, spaceId: string): Promise<Result<{ id: string }>> {
	// mountModule authorises (space management) on its first line.
	const space = await findSpace(await getDb(), spaceId);
	if (!space) throw new NotFoundError('process');
	return mountModule(actor, { spaceId, manifest: consultations }, { title: space.title });
}
