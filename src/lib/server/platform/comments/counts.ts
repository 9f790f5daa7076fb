/** Keeps comment_counts in step with the comments, inside the transaction that changes them. */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { commentCounts } from '../db/schema/comments.ts';

/** Adds `delta` (±1) readable comments of `alignment` to the resource's counts. */
export async function adjustCounts(
	db: Db,
	{ resourceType, resourceId }: { resourceType: string; resourceId: string },
	alignment: string,
	delta: number
): Promise<void> {
	const column =
		alignment === 'for'
			? commentCounts.forCount
			: alignment === 'against'
				? commentCounts.againstCount
				: commentCounts.neutralCount;
	const key = alignment === 'for' ? 'forCount' : alignment === 'against' ? 'againstCount' : 'neutralCount';
	await db
		.insert(commentCounts)
		.values({ resourceType, resourceId, total: Math.max(delta, 0), [key]: Math.max(delta, 0) })
		.onConflictDoUpdate({
			target: [commentCounts.resourceType, commentCounts.resourceId],
			set: {
				total: sql`greatest(${commentCounts.total} + ${delta}, 0)`,
				[key]: sql`greatest(${column} + ${delta}, 0)`
			}
		});
}

/** Whether a comment in this state is counted (readable by everyone). */
export const counted = (c: { deletedAt: Date | null; status: string }) => !c.deletedAt && c.status === 'visible';
