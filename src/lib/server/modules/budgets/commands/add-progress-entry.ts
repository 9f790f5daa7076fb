/**
 * Staff add a timeline entry to a funded project: what happened (per locale), photos (cleaned on upload: EXIF and
 * GPS removed), and the status, progress and money spent at that time, which become the project's current state.
 * Followers are notified in their language once the entry is committed.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';
import { removeFile } from '../../../platform/files/read-file.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { MAX_PROGRESS_PHOTOS, PROJECT_RESOURCE, ProgressEntryInput } from '../implementation.ts';
import { findProject } from '../implementation-queries.ts';
import { notifyProgress } from '../implementation-notify.ts';
import { budgetsProgress, budgetsProjects } from '../schema.ts';

export async function addProgressEntry(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: ProgressEntryInput,
	photos: File[] = []
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'track', ctx));
	const project = await findProject(db, moduleId, projectId);
	if (!project) throw new NotFoundError('project');
	if (project.funded !== true) return invalid({ status: 'budgets_impl_error_not_funded' });
	const form = ProgressEntryInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	if (photos.length > MAX_PROGRESS_PHOTOS) return invalid({ photos: 'budgets_impl_error_too_many_photos' });
	const { status, progress, spent, text, submissionKey } = form.data;

	const photoIds: string[] = [];
	for (const photo of photos) {
		const stored = await storeUpload(actor, photo, { accept: 'image', field: 'photos' });
		if (!stored.ok) {
			// A refused photo refuses the whole entry: nothing stays behind.
			await Promise.all(photoIds.map((id) => removeFile(db, id)));
			return stored;
		}
		photoIds.push(stored.value.id);
	}
	let id: string | null;
	try {
		id = await db.transaction(async (tx) => {
			// A repeated submission waits here on the unique (project, key) index, then inserts nothing.
			const [entry] = await tx
				.insert(budgetsProgress)
				.values({
					projectId,
					status,
					progress: progress!,
					spent,
					text: cleanTranslated(text),
					photoFileIds: photoIds,
					authorId: actor.kind === 'user' ? actor.id : null,
					submissionKey: submissionKey || null
				})
				.onConflictDoNothing()
				.returning({ id: budgetsProgress.id });
			if (!entry) return null;
			await tx
				.update(budgetsProjects)
				.set({
					implementationStatus: status,
					progress: progress!,
					...(spent === null ? {} : { spent }),
					updatedAt: new Date()
				})
				.where(eq(budgetsProjects.id, projectId));
			await recordAction(tx, actor, {
				action: 'budgets.implementation.progress',
				resourceType: PROJECT_RESOURCE,
				resourceId: projectId,
				spaceId: instance.spaceId,
				data: { moduleId, entryId: entry.id, status, progress, spent, photos: photoIds.length }
			});
			return entry.id;
		});
	} catch (err) {
		await Promise.all(photoIds.map((fid) => removeFile(db, fid)));
		throw err;
	}
	if (id === null) {
		// Already added by the first submission: its photos are the ones kept, and nobody is told twice.
		await Promise.all(photoIds.map((fid) => removeFile(db, fid)));
		const [first] = await db
			.select({ id: budgetsProgress.id })
			.from(budgetsProgress)
			.where(and(eq(budgetsProgress.projectId, projectId), eq(budgetsProgress.submissionKey, submissionKey!)));
		return ok({ id: first.id });
	}
	await notifyProgress(db, actor, ctx.space.slug, project, status);
	return ok({ id });
}
