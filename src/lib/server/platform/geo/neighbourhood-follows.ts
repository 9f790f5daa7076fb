/**
 * Following a neighbourhood: people hear about new things placed in it (a proposal, a meeting). Modules call
 * `notifyNeighbourhoodFollowers` after the transaction that created the thing, with their own message key:
 *   await notifyNeighbourhoodFollowers(db, proposal.neighbourhoodId, 'proposals_notification_in_neighbourhood',
 *     { title, neighbourhood: n.name }, url, { except: [authorId] });
 * The key must exist in all locales (declare it in the manifest's `notifications`).
 */
import type { Db } from '../db/index.ts';
import { notifyFollowers } from '../notifications/follows.ts';

export const NEIGHBOURHOOD_FOLLOWABLE = 'neighbourhood';

export async function notifyNeighbourhoodFollowers(
	db: Db,
	neighbourhoodId: string | null | undefined,
	key: string,
	data: Record<string, unknown>,
	link: string,
	{ except = [] }: { except?: string[] } = {}
): Promise<{ created: number; emailed: number }> {
	if (!neighbourhoodId) return { created: 0, emailed: 0 };
	return notifyFollowers(db, { resourceType: NEIGHBOURHOOD_FOLLOWABLE, resourceId: neighbourhoodId }, key, data, link, {
		except
	});
}
