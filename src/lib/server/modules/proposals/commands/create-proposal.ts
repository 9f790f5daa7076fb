/** A citizen writes a proposal: text, optional category, place, photos and attachments; the author follows it. */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { follows } from '../../../platform/db/schema.ts';
import { readPlace } from '../../../platform/geo/place.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { storeProposalFiles } from '../attachments.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import { ProposalInput, type ProposalFiles } from '../forms.ts';
import { proposalsCategories, proposalsFiles, proposalsProposals } from '../schema.ts';
import { indexProposal } from '../search.ts';

/** Validates the text, the category (of this module) and the place; all field errors at once. */
export async function readProposal(db: Db, moduleId: string, input: ProposalInput) {
	const form = ProposalInput.safeParse(input);
	const place = await readPlace(db, input.place ?? {});
	const errors: FieldErrors = {
		...(form.success ? {} : fieldErrors(form.error)),
		...(place.ok ? {} : place.errors)
	};
	if (form.success && form.data.categoryId) {
		const [c] = await db
			.select({ id: proposalsCategories.id })
			.from(proposalsCategories)
			.where(and(eq(proposalsCategories.id, form.data.categoryId), eq(proposalsCategories.moduleId, moduleId)));
		if (!c) errors.categoryId = 'proposals_error_category';
	}
	if (!form.success || !place.ok || Object.keys(errors).length) return invalid(errors);
	return ok({ ...form.data, place: place.value });
}

export async function createProposal(
	actor: Actor,
	{ moduleId, submissionKey }: { moduleId: string; submissionKey?: string },
	input: ProposalInput,
	files: ProposalFiles = {}
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'create', ctx));
	if (!isUser(actor)) throw new Error('unreachable: create is for signed-in people');
	const read = await readProposal(db, moduleId, input);
	if (!read.ok) return read;
	const data = read.value;
	const key = submissionKey && /^[\w-]{8,64}$/.test(submissionKey) ? submissionKey : null;
	if (key) {
		const [seen] = await db
			.select({ id: proposalsProposals.id })
			.from(proposalsProposals)
			.where(and(eq(proposalsProposals.authorId, actor.id), eq(proposalsProposals.submissionKey, key)));
		if (seen) return ok({ id: seen.id });
	}
	const stored = await storeProposalFiles(db, actor, files, ctx.settings);
	if (!stored.ok) return stored;
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(proposalsProposals)
			.values({
				moduleId,
				authorId: actor.id,
				title: data.title,
				body: data.body,
				categoryId: data.categoryId ?? null,
				neighbourhoodId: data.place.neighbourhoodId,
				address: data.place.address,
				latitude: data.place.lat,
				longitude: data.place.lng,
				submissionKey: key
			})
			// Two submissions of one form racing: the second inserts nothing and answers with the first.
			.onConflictDoNothing()
			.returning();
		if (!row) return null;
		if (stored.value.length)
			await tx
				.insert(proposalsFiles)
				.values(stored.value.map((f, position) => ({ proposalId: row.id, fileId: f.fileId, kind: f.kind, position })));
		await recordProposalEvent(tx, row.id, 'created');
		await tx
			.insert(follows)
			.values({ userId: actor.id, resourceType: 'proposal', resourceId: row.id })
			.onConflictDoNothing();
		return row;
	});
	if (!created) {
		const [first] = await db
			.select({ id: proposalsProposals.id })
			.from(proposalsProposals)
			.where(and(eq(proposalsProposals.authorId, actor.id), eq(proposalsProposals.submissionKey, key!)));
		return ok({ id: first.id });
	}
	await indexProposal(db, created);
	return ok({ id: created.id });
}
