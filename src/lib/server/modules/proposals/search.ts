/** Search documents of proposals: one per proposal, in the language it was written (indexed as Romanian). */
import type { Db } from '../../platform/db/index.ts';
import { indexDocument } from '../../platform/search/index-documents.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { proposalsWithSpace, proposalUrl, type Proposal } from './queries.ts';

export async function proposalDocuments(db: Db, moduleIds: string[]) {
	const rows = await proposalsWithSpace(db, moduleIds);
	return rows.map(({ proposal, spaceId, spaceSlug, public: isPublic }) => ({
		resourceId: proposal.id,
		locale: 'ro',
		title: proposal.title,
		body: markdownToText(proposal.body),
		url: proposalUrl(spaceSlug, proposal.moduleId, proposal.id),
		visibility: (isPublic ? 'public' : 'staff') as 'public' | 'staff',
		spaceId
	}));
}

/** Re-indexes one proposal after a change. */
export async function indexProposal(db: Db, proposal: Proposal): Promise<void> {
	const [row] = (await proposalsWithSpace(db, [proposal.moduleId])).filter((r) => r.proposal.id === proposal.id);
	if (!row) return;
	await indexDocument(db, {
		resourceType: 'proposal',
		resourceId: proposal.id,
		spaceId: row.spaceId,
		title: proposal.title,
		body: markdownToText(proposal.body),
		url: proposalUrl(row.spaceSlug, proposal.moduleId, proposal.id),
		visibility: row.public ? 'public' : 'staff'
	});
}
