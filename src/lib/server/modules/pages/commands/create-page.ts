/** Adds an information page at the end of a pages module; followers of a public process hear about it. */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors, slugify } from '../../../platform/spaces/forms.ts';
import { logger } from '../../../platform/log.ts';
import { pages } from '../manifest.ts';
import { PageInput } from '../forms.ts';
import { findPageBySlug, pageUrl } from '../queries.ts';
import { pagesPages } from '../schema.ts';
import { indexPage } from '../search.ts';

export async function createPage(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: PageInput
): Promise<Result<{ id: string; slug: string }>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	authorize(can(actor, 'manage', ctx, pages));
	const form = PageInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	if (data.slug && (await findPageBySlug(db, moduleId, data.slug)))
		return invalid({ slug: 'processes_error_slug_taken' });
	let slug = data.slug ?? slugify(data.title.ro);
	for (let n = 2; !data.slug && (await findPageBySlug(db, moduleId, slug)); n++)
		slug = `${slugify(data.title.ro)}-${n}`;
	const authorId = actor.kind === 'user' ? actor.id : null;
	const page = await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${pagesPages.position}) + 1, 0)::int` })
			.from(pagesPages)
			.where(eq(pagesPages.moduleId, moduleId));
		const [row] = await tx
			.insert(pagesPages)
			.values({
				moduleId,
				slug,
				position: next,
				title: cleanTranslated(data.title),
				body: cleanTranslated(data.body),
				createdBy: authorId,
				updatedBy: authorId
			})
			.returning();
		await recordAction(tx, actor, {
			action: 'page.create',
			resourceType: 'page',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, slug }
		});
		return row;
	});
	await indexPage(db, page);
	if (ctx.space.status === 'published' && instance.published) {
		await notifyFollowers(
			db,
			{ resourceType: 'space', resourceId: instance.spaceId },
			'pages_notification_page_published',
			{ page: page.title },
			pageUrl(ctx.space.slug, moduleId, slug),
			{ except: authorId ? [authorId] : [] }
		).catch((err) => logger().error({ err, pageId: page.id }, 'pages: followers not notified'));
	}
	return ok({ id: page.id, slug });
}
