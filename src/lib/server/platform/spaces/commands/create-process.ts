/** Creates a participatory process as a draft; its slug comes from the Romanian title unless one is given. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb, type Db } from '../../db/index.ts';
import { spaces } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, ProcessInput, slugify, type SpaceKind } from '../forms.ts';
import { canManageSpace } from '../policy.ts';
import { findSpace } from '../queries.ts';
import { indexProcess } from '../search.ts';

/** A free slug: the wanted one, or the title's with -2, -3… appended. */
async function freeSlug(db: Db, base: string): Promise<string> {
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? base : `${base}-${n}`;
		const [taken] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.slug, candidate));
		if (!taken) return candidate;
	}
}

export async function createProcess(
	actor: Actor,
	input: ProcessInput,
	{ kind = 'process' }: { kind?: SpaceKind } = {}
): Promise<Result<{ id: string; slug: string; kind: string }>> {
	authorize(canManageSpace(actor));
	const form = ProcessInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const db = await getDb();
	const data = form.data;
	if (data.slug) {
		const [taken] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.slug, data.slug));
		if (taken) return invalid({ slug: 'processes_error_slug_taken' });
	}
	const slug = data.slug ?? (await freeSlug(db, slugify(data.title.ro)));
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(spaces)
			.values({
				kind,
				slug,
				title: cleanTranslated(data.title),
				summary: cleanTranslated(data.summary),
				description: cleanTranslated(data.description),
				organiser: cleanTranslated(data.organiser),
				decides: cleanTranslated(data.decides),
				expectedResult: cleanTranslated(data.expectedResult),
				createdBy: actor.kind === 'user' ? actor.id : null
			})
			.returning({ id: spaces.id, slug: spaces.slug, kind: spaces.kind });
		await recordAction(tx, actor, {
			action: 'space.create',
			resourceType: 'space',
			resourceId: row.id,
			spaceId: row.id,
			data: { slug }
		});
		return row;
	});
	await indexProcess(db, (await findSpace(db, created.id))!);
	return ok(created);
}
