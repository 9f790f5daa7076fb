/**
 * What the platform asks of proposals, registered at import time of the manifest: whether one can be followed,
 * where it is for comments (and whether this phase allows them), and which files it uses (public photos).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import type { CommentTarget } from '../../platform/comments/commentables.ts';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { FileUse } from '../../platform/files/access.ts';
import { deny } from '../../platform/permissions/index.ts';
import { canProposals, proposalsModule } from './context.ts';
import { proposalUrl, proposalWithSpace } from './queries.ts';
import { proposalsFiles, proposalsProposals } from './schema.ts';

/** A proposal may be followed when it exists in a public module of a published space. */
export async function followableProposal(db: Db, proposalId: string): Promise<boolean> {
	const row = await proposalWithSpace(db, proposalId);
	return !!row && row.spaceStatus === 'published' && row.modulePublished;
}

export async function commentableProposal(db: Db, actor: Actor, proposalId: string): Promise<CommentTarget | null> {
	const row = await proposalWithSpace(db, proposalId);
	if (!row) return null;
	const { ctx } = await proposalsModule(db, row.proposal.moduleId);
	const read = canProposals(actor, 'read', ctx);
	const hidden = ctx.phaseSettings.comments === 'hidden';
	const comment = canProposals(actor, 'comment', ctx);
	return {
		spaceId: row.spaceId,
		moduleId: row.proposal.moduleId,
		title: { ro: row.proposal.title },
		url: proposalUrl(row.spaceSlug, row.proposal.moduleId, proposalId),
		authorIds: row.proposal.authorId ? [row.proposal.authorId] : [],
		canRead: !read.allowed ? read : hidden ? deny('proposals_comments_hidden') : read,
		canComment: !comment.allowed ? comment : row.proposal.withdrawnAt ? deny('proposals_withdrawn') : comment
	};
}

/** Photos and attachments of proposals are public exactly when their module is. */
export async function proposalFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const rows = await db
		.select({ spaceId: spaces.id, status: spaces.status, published: moduleInstances.published })
		.from(proposalsFiles)
		.innerJoin(proposalsProposals, eq(proposalsProposals.id, proposalsFiles.proposalId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, proposalsProposals.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(proposalsFiles.fileId, fileId));
	return rows.map((r) => ({ spaceId: r.spaceId, public: r.status === 'published' && r.published }));
}
