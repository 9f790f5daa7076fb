/**
 * Staff link a proposal to the meeting where it was discussed (`proposal —discussed_at→ meeting` in the platform's
 * resource links), or remove the link. The proposal is found through the search index, so this module does not
 * depend on the proposals module; staff may paste the proposal's id or its address.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { searchDocuments } from '../../../platform/db/schema.ts';
import { linkResources, unlinkResources } from '../../../platform/links/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { authorizedMeeting } from '../access.ts';

export const DISCUSSED_AT = 'discussed_at';

/** The proposal id in `abc`, `/processes/x/proposals/m/abc` or `https://…/abc?x=1`. */
export const proposalIdFrom = (value: string) =>
	value
		.trim()
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '')
		.split('/')
		.pop() ?? '';

export async function linkProposal(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: { proposal: string; remove?: boolean }
): Promise<Result<{ proposalId: string; changed: boolean }>> {
	const db = await getDb();
	const { meeting, instance } = await authorizedMeeting(db, actor, 'manage', ids);
	const proposalId = proposalIdFrom(input.proposal ?? '');
	if (!proposalId) return invalid({ proposal: 'validation_required' });
	const from = { resourceType: 'proposal', resourceId: proposalId };
	const to = { resourceType: 'meeting', resourceId: meeting.id };
	if (!input.remove) {
		const [known] = await db
			.select({ id: searchDocuments.resourceId })
			.from(searchDocuments)
			.where(and(eq(searchDocuments.resourceType, 'proposal'), eq(searchDocuments.resourceId, proposalId)))
			.limit(1);
		if (!known) return invalid({ proposal: 'meetings_error_unknown_proposal' });
	}
	const changed = await db.transaction(async (tx) => {
		const done = input.remove
			? await unlinkResources(tx, from, to, DISCUSSED_AT)
			: await linkResources(tx, from, to, DISCUSSED_AT, { createdBy: actor.kind === 'user' ? actor.id : null });
		if (done)
			await recordAction(tx, actor, {
				action: input.remove ? 'meeting.unlink_proposal' : 'meeting.link_proposal',
				resourceType: 'meeting',
				resourceId: meeting.id,
				spaceId: instance.spaceId,
				data: { moduleId: ids.moduleId, proposalId }
			});
		return done;
	});
	return ok({ proposalId, changed });
}
