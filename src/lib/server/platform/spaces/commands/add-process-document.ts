/** Attaches a document (PDF, office file, image) with a translatable title to a process. */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaceDocuments } from '../../db/schema.ts';
import { storeUpload } from '../../files/commands/store-upload.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, ModuleTitleInput } from '../forms.ts';
import { canManageSpace } from '../policy.ts';
import { findSpace } from '../queries.ts';

export async function addProcessDocument(
	actor: Actor,
	spaceId: string,
	input: { file: File | null; title: Record<string, string | undefined> }
): Promise<Result<{ id: string }>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	if (!(await findSpace(db, spaceId))) throw new NotFoundError('process');
	const title = ModuleTitleInput.safeParse({ title: input.title });
	if (!title.success) return invalid(fieldErrors(title.error));
	if (!input.file || input.file.size === 0) return invalid({ document: 'processes_error_document_required' });
	const stored = await storeUpload(actor, input.file, { accept: ['document', 'image'], field: 'document' });
	if (!stored.ok) return stored;
	const id = await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${spaceDocuments.position}) + 1, 0)::int` })
			.from(spaceDocuments)
			.where(eq(spaceDocuments.spaceId, spaceId));
		const [row] = await tx
			.insert(spaceDocuments)
			.values({ spaceId, fileId: stored.value.id, title: cleanTranslated(title.data.title), position: next })
			.returning({ id: spaceDocuments.id });
		await recordAction(tx, actor, {
			action: 'space.add_document',
			resourceType: 'space_document',
			resourceId: row.id,
			spaceId,
			data: { fileId: stored.value.id, name: stored.value.originalName }
		});
		return row.id;
	});
	return ok({ id });
}
