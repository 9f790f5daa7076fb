/** Sets (or removes, with no file) a process's cover image: checked by content, resized and stripped of metadata. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaces } from '../../db/schema.ts';
import { storeUpload } from '../../files/commands/store-upload.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';
import { findSpace } from '../queries.ts';

export async function setProcessCover(
	actor: Actor,
	spaceId: string,
	input: { file: File | null; remove?: boolean }
): Promise<Result<{ fileId: string | null }>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	if (!(await findSpace(db, spaceId))) throw new NotFoundError('process');
	let fileId: string | null = null;
	if (!input.remove) {
		if (!input.file || input.file.size === 0) return invalid({ cover: 'processes_error_cover_required' });
		const stored = await storeUpload(actor, input.file, { accept: 'image', field: 'cover' });
		if (!stored.ok) return stored;
		fileId = stored.value.id;
	}
	await db.transaction(async (tx) => {
		await tx.update(spaces).set({ coverFileId: fileId }).where(eq(spaces.id, spaceId));
		await recordAction(tx, actor, {
			action: fileId ? 'space.set_cover' : 'space.remove_cover',
			resourceType: 'space',
			resourceId: spaceId,
			spaceId,
			data: { fileId }
		});
	});
	return ok({ fileId });
}
