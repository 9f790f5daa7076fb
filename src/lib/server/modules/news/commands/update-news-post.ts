/**
 * Changes an announcement. Once announced, its publication time stays (followers were told); before that, staff
 * may reschedule, publish now or keep it as a draft.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { news } from '../manifest.ts';
import { NewsInput } from '../forms.ts';
import { newsPosts } from '../schema.ts';
import { indexNewsPost } from '../search.ts';
import { announceNewsPost } from './announce-news-post.ts';
import { publishAtOf } from './create-news-post.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';

export async function updateNewsPost(
	actor: Actor,
	{ moduleId, postId }: { moduleId: string; postId: string },
	input: NewsInput,
	{ image, removeImage = false }: { image?: File | null; removeImage?: boolean } = {}
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, news, moduleId);
	authorize(can(actor, 'manage', ctx, news));
	const form = NewsInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	const alt = cleanTranslated(data.imageAlt);
	// undefined: keep the current image.
	let imageFileId: string | null | undefined = removeImage ? null : undefined;
	if (image && image.size > 0) {
		const stored = await storeUpload(actor, image, { accept: 'image', field: 'image' });
		if (!stored.ok) return stored;
		imageFileId = stored.value.id;
	}
	const post = await db.transaction(async (tx) => {
		// Locked so a concurrent announcement cannot slip between reading announcedAt and changing publishAt.
		const [existing] = await tx.select().from(newsPosts).where(eq(newsPosts.id, postId)).for('update');
		if (!existing || existing.moduleId !== moduleId) throw new NotFoundError('news_post');
		const [row] = await tx
			.update(newsPosts)
			.set({
				title: cleanTranslated(data.title),
				body: cleanTranslated(data.body),
				imageAlt: alt.ro ? alt : null,
				...(imageFileId !== undefined ? { imageFileId } : {}),
				pinned: data.pinned,
				publishAt: existing.announcedAt ? existing.publishAt : publishAtOf(data),
				updatedBy: actor.kind === 'user' ? actor.id : null
			})
			.where(eq(newsPosts.id, postId))
			.returning();
		await recordAction(tx, actor, {
			action: 'news.update',
			resourceType: 'news_post',
			resourceId: postId,
			spaceId: instance.spaceId,
			data: { moduleId, publishAt: row.publishAt?.toISOString() ?? null }
		});
		return row;
	});
	await indexNewsPost(db, post);
	if (data.publish === 'now' && !post.announcedAt)
		await announceNewsPost(db, post.id, { except: actor.kind === 'user' ? [actor.id] : [] }).catch((err) =>
			logger().error({ err, postId }, 'news: followers not notified')
		);
	return ok({ id: postId });
}
