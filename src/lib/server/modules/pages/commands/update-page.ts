/** Changes an information page's title, body or slug. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { pages } from '../manifest.ts';
import { PageInput } from '../forms.ts';
import { findPage, findPageBySlug } from '../queries.ts';
import { pagesPages } from '../schema.ts';
import { indexPage } from '../search.ts';

export async function updatePage(
	actor: Actor,
	{ moduleId, pageId }: { moduleId: string; pageId: string },
	input: PageInput
): Promise<Result<{ slug: string }>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	authorize(can(actor, 'manage', ctx, pages));
	const existing = await findPage(db, moduleId, pageId);
	if (!existing) throw new NotFoundError('page');
	const form = PageInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	const slug = data.slug ?? existing.slug;
	if (slug !== existing.slug && (await findPageBySlug(db, moduleId, slug)))
		return invalid({ slug: 'processes_error_slug_taken' });
	const page = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(pagesPages)
			.set({
				slug,
				title: cleanTranslated(data.title),
				body: cleanTranslated(data.body),
				updatedBy: actor.kind === 'user' ? actor.id : null
			})
			.where(eq(pagesPages.id, pageId))
			.returning();
		await recordAction(tx, actor, {
			action: 'page.update',
			resourceType: 'page',
			resourceId: pageId,
			spaceId: instance.spaceId,
			data: { moduleId, slug }
		});
		return row;
	});
	await indexPage(db, page);
	return ok({ slug });
}
