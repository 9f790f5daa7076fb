/** Changes a process's texts (title, summary, description, organiser, what is decided, expected result) and slug. */
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaces } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, ProcessInput } from '../forms.ts';
import { canManageSpace } from '../policy.ts';
import { indexProcess } from '../search.ts';
import { findSpace } from '../queries.ts';

export async function updateProcess(
	actor: Actor,
	spaceId: string,
	input: ProcessInput
): Promise<Result<{ slug: string }>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const space = await findSpace(db, spaceId);
	if (!space) throw new NotFoundError('process');
	const form = ProcessInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	const slug = data.slug ?? space.slug;
	if (slug !== space.slug) {
		const [taken] = await db
			.select({ id: spaces.id })
			.from(spaces)
			.where(and(eq(spaces.slug, slug), ne(spaces.id, spaceId)));
		if (taken) return invalid({ slug: 'processes_error_slug_taken' });
	}
	await db.transaction(async (tx) => {
		await tx
			.update(spaces)
			.set({
				slug,
				title: cleanTranslated(data.title),
				summary: cleanTranslated(data.summary),
				description: cleanTranslated(data.description),
				organiser: cleanTranslated(data.organiser),
				decides: cleanTranslated(data.decides),
				expectedResult: cleanTranslated(data.expectedResult)
			})
			.where(eq(spaces.id, spaceId));
		await recordAction(tx, actor, {
			action: 'space.update',
			resourceType: 'space',
			resourceId: spaceId,
			spaceId,
			data: slug !== space.slug ? { slug: { from: space.slug, to: slug } } : {}
		});
	});
	await indexProcess(db, (await findSpace(db, spaceId))!);
	return ok({ slug });
}
