/** The author edits their proposal within the module's edit window, while it is neither answered nor withdrawn. */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { removeFile } from '../../../platform/files/read-file.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { storeProposalFiles } from '../attachments.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import type { ProposalFiles, ProposalInput } from '../forms.ts';
import { editDecision } from '../rules.ts';
import { proposalsFiles, proposalsProposals } from '../schema.ts';
import { indexProposal } from '../search.ts';
import { readProposal } from './create-proposal.ts';

export async function updateProposal(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string },
	input: ProposalInput,
	files: ProposalFiles = {},
	now: Date = new Date()
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, moduleId, now);
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	authorize(canProposals(actor, 'read', ctx));
	authorize(editDecision(actor, proposal, ctx.settings, now));
	const read = await readProposal(db, moduleId, input);
	if (!read.ok) return read;
	const data = read.value;
	const current = await db
		.select({ fileId: proposalsFiles.fileId, kind: proposalsFiles.kind })
		.from(proposalsFiles)
		.where(eq(proposalsFiles.proposalId, proposalId));
	const removing = current.filter((f) => (files.remove ?? []).includes(f.fileId));
	const photosKept =
		current.filter((f) => f.kind === 'photo').length - removing.filter((f) => f.kind === 'photo').length;
	const stored = await storeProposalFiles(db, actor, files, ctx.settings, photosKept);
	if (!stored.ok) return stored;
	const updated = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(proposalsProposals)
			.set({
				title: data.title,
				body: data.body,
				categoryId: data.categoryId ?? null,
				neighbourhoodId: data.place.neighbourhoodId,
				address: data.place.address,
				latitude: data.place.lat,
				longitude: data.place.lng,
				editedAt: now
			})
			.where(eq(proposalsProposals.id, proposalId))
			.returning();
		if (removing.length)
			await tx.delete(proposalsFiles).where(
				and(
					eq(proposalsFiles.proposalId, proposalId),
					inArray(
						proposalsFiles.fileId,
						removing.map((f) => f.fileId)
					)
				)
			);
		if (stored.value.length) {
			const [{ n }] = await tx
				.select({ n: count() })
				.from(proposalsFiles)
				.where(eq(proposalsFiles.proposalId, proposalId));
			await tx
				.insert(proposalsFiles)
				.values(stored.value.map((f, i) => ({ proposalId, fileId: f.fileId, kind: f.kind, position: n + i })));
		}
		await recordProposalEvent(tx, proposalId, 'edited');
		return row;
	});
	for (const f of removing) await removeFile(db, f.fileId);
	await indexProposal(db, updated);
	return ok({ id: proposalId });
}
