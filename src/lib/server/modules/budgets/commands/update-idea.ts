/**
 * The author edits an idea while the `ideas` stage lasts: text, pot, category, place, cost and photos. Moving it to
 * another pot gives it that pot's next code (codes are per pot).
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { removeFile } from '../../../platform/files/read-file.ts';
import { authorize, deny } from '../../../platform/permissions/index.ts';
import { ForbiddenError, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule } from '../context.ts';
import type { IdeaFiles, IdeaInput } from '../forms.ts';
import { readIdea } from '../idea-input.ts';
import { budgetsPermissions } from '../permissions.ts';
import { storeIdeaPhotos } from '../photos.ts';
import { nextProjectCode } from '../project-code.ts';
import { projectOrThrow } from '../queries.ts';
import { authorKindsFor } from '../rules.ts';
import { budgetsProjectFiles, budgetsProjects } from '../schema.ts';
import { indexProject } from '../search.ts';

export async function updateIdea(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: IdeaInput,
	files: IdeaFiles = {}
): Promise<Result<{ id: string; code: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	// Editing follows the submission stage (not the verification: the author already qualified when submitting).
	authorize(budgetsPermissions(actor, 'submit', ctx));
	if (!isUser(actor)) throw new Error('unreachable');
	const project = await projectOrThrow(db, moduleId, projectId);
	if (project.authorId !== actor.id) throw new ForbiddenError('budgets_author_only');
	if (project.withdrawnAt) authorize(deny('budgets_project_withdrawn'));
	const kinds = [...new Set([project.authorKind as 'citizen', ...authorKindsFor(actor, ctx)])];
	const read = await readIdea(db, moduleId, input, kinds);
	if (!read.ok) return read;
	const d = read.value;
	const remove = (files.remove ?? []).filter(Boolean);
	const [{ n: photosNow }] = await db
		.select({ n: count() })
		.from(budgetsProjectFiles)
		.where(eq(budgetsProjectFiles.projectId, projectId));
	const kept = photosNow - remove.length;
	const stored = await storeIdeaPhotos(db, actor, files.photos ?? [], ctx.settings.maxPhotos, Math.max(0, kept));
	if (!stored.ok) return stored;
	const updated = await db.transaction(async (tx) => {
		const code = d.zoneId === project.zoneId ? project.code : await nextProjectCode(tx, moduleId, d.zoneId);
		const [row] = await tx
			.update(budgetsProjects)
			.set({
				zoneId: d.zoneId,
				code,
				authorKind: d.authorKind,
				title: d.title,
				body: d.body,
				categoryId: d.categoryId ?? null,
				neighbourhoodId: d.place.neighbourhoodId,
				address: d.place.address,
				latitude: d.place.lat,
				longitude: d.place.lng,
				estimatedCost: d.estimatedCost,
				editedAt: new Date()
			})
			.where(eq(budgetsProjects.id, projectId))
			.returning();
		// Only this project's own photos are removed, whatever ids the form carried.
		const removed = remove.length
			? await tx
					.delete(budgetsProjectFiles)
					.where(and(eq(budgetsProjectFiles.projectId, projectId), inArray(budgetsProjectFiles.fileId, remove)))
					.returning({ fileId: budgetsProjectFiles.fileId })
			: [];
		if (stored.value.length)
			await tx
				.insert(budgetsProjectFiles)
				.values(stored.value.map((fileId, i) => ({ projectId, fileId, kind: 'photo', position: photosNow + i })));
		return { row, removed };
	});
	await Promise.all(updated.removed.map(({ fileId }) => fileId).map((id) => removeFile(db, id).catch(() => undefined)));
	await indexProject(db, updated.row);
	return ok({ id: updated.row.id, code: updated.row.code });
}
