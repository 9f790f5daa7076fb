/** Detaches a document from a process (the stored file stays, as other records may point to it). */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaceDocuments } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';

export async function removeProcessDocument(
	actor: Actor,
	{ spaceId, documentId }: { spaceId: string; documentId: string }
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const removed = await db.transaction(async (tx) => {
		const rows = await tx
			.delete(spaceDocuments)
			.where(and(eq(spaceDocuments.id, documentId), eq(spaceDocuments.spaceId, spaceId)))
			.returning({ fileId: spaceDocuments.fileId });
		if (rows.length)
			await recordAction(tx, actor, {
				action: 'space.remove_document',
				resourceType: 'space_document',
				resourceId: documentId,
				spaceId,
				data: { fileId: rows[0].fileId }
			});
		return rows.length > 0;
	});
	if (!removed) throw new NotFoundError('document');
	return ok(null);
}
