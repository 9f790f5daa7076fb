/** Writes an announcement: a draft, published now (followers are told at once) or scheduled for later. */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { news } from '../manifest.ts';
import { NewsInput, bucharestTime } from '../forms.ts';
import { newsPosts } from '../schema.ts';
import { indexNewsPost } from '../search.ts';
import { announceNewsPost } from './announce-news-post.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';

/** When the post goes public, from the form's choice; `now` is the database's clock via `new Date()`. */
export function publishAtOf(data: { publish: 'now' | 'later' | 'draft'; publishAt?: string }): Date | null {
	if (data.publish === 'draft') return null;
	if (data.publish === 'now') return new Date();
	return bucharestTime(data.publishAt!);
}

export async function createNewsPost(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: NewsInput,
	{ image }: { image?: File | null } = {}
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, news, moduleId);
	authorize(can(actor, 'manage', ctx, news));
	const form = NewsInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	let imageFileId: string | null = null;
	if (image && image.size > 0) {
		const stored = await storeUpload(actor, image, { accept: 'image', field: 'image' });
		if (!stored.ok) return stored;
		imageFileId = stored.value.id;
	}
	const authorId = actor.kind === 'user' ? actor.id : null;
	const alt = cleanTranslated(data.imageAlt);
	const post = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(newsPosts)
			.values({
				moduleId,
				title: cleanTranslated(data.title),
				body: cleanTranslated(data.body),
				imageFileId,
				imageAlt: alt.ro ? alt : null,
				pinned: data.pinned,
				publishAt: publishAtOf(data),
				createdBy: authorId,
				updatedBy: authorId
			})
			.returning();
		await recordAction(tx, actor, {
			action: 'news.create',
			resourceType: 'news_post',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, publish: data.publish, publishAt: row.publishAt?.toISOString() ?? null }
		});
		return row;
	});
	await indexNewsPost(db, post);
	if (data.publish === 'now')
		await announceNewsPost(db, post.id, { except: authorId ? [authorId] : [] }).catch((err) =>
			logger().error({ err, postId: post.id }, 'news: followers not notified')
		);
	return ok({ id: post.id });
}
