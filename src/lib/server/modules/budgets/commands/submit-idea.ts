/** A verified citizen (or organisation, company) submits a project idea into a pot; it gets the pot's next code. */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { follows } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { budgetsModule } from '../context.ts';
import type { IdeaFiles, IdeaInput } from '../forms.ts';
import { readIdea } from '../idea-input.ts';
import { storeIdeaPhotos } from '../photos.ts';
import { nextProjectCode } from '../project-code.ts';
import { PROJECT_RESOURCE } from '../queries.ts';
import { authorKindsFor, submitDecision } from '../rules.ts';
import { budgetsProjectFiles, budgetsProjects } from '../schema.ts';
import { indexProject } from '../search.ts';

export async function submitIdea(
	actor: Actor,
	{ moduleId, submissionKey }: { moduleId: string; submissionKey?: string },
	input: IdeaInput,
	files: IdeaFiles = {}
): Promise<Result<{ id: string; code: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(submitDecision(actor, ctx));
	if (!isUser(actor)) throw new Error('unreachable: submit is for signed-in people');
	const read = await readIdea(db, moduleId, input, authorKindsFor(actor, ctx));
	if (!read.ok) return read;
	const d = read.value;
	const key = submissionKey && /^[\w-]{8,64}$/.test(submissionKey) ? submissionKey : null;
	const seen = async () => {
		if (!key) return undefined;
		const [row] = await db
			.select({ id: budgetsProjects.id, code: budgetsProjects.code })
			.from(budgetsProjects)
			.where(and(eq(budgetsProjects.authorId, actor.id), eq(budgetsProjects.submissionKey, key)));
		return row;
	};
	const first = await seen();
	if (first) return ok(first);
	const stored = await storeIdeaPhotos(db, actor, files.photos ?? [], ctx.settings.maxPhotos);
	if (!stored.ok) return stored;
	const created = await db.transaction(async (tx) => {
		const code = await nextProjectCode(tx, moduleId, d.zoneId);
		const [row] = await tx
			.insert(budgetsProjects)
			.values({
				moduleId,
				zoneId: d.zoneId,
				code,
				authorId: actor.id,
				authorKind: d.authorKind,
				title: d.title,
				body: d.body,
				categoryId: d.categoryId ?? null,
				neighbourhoodId: d.place.neighbourhoodId,
				address: d.place.address,
				latitude: d.place.lat,
				longitude: d.place.lng,
				estimatedCost: d.estimatedCost,
				submissionKey: key
			})
			// The same form submitted twice at once: the second waits on the pot lock, then inserts nothing.
			.onConflictDoNothing({ target: [budgetsProjects.authorId, budgetsProjects.submissionKey] })
			.returning();
		if (!row) return null;
		if (stored.value.length)
			await tx
				.insert(budgetsProjectFiles)
				.values(stored.value.map((fileId, position) => ({ projectId: row.id, fileId, kind: 'photo', position })));
		await tx
			.insert(follows)
			.values({ userId: actor.id, resourceType: PROJECT_RESOURCE, resourceId: row.id })
			.onConflictDoNothing();
		return row;
	});
	if (!created) return ok((await seen())!);
	await indexProject(db, created);
	return ok({ id: created.id, code: created.code });
}
