/**
 * Demo data: modules' seeds add realistic discussions under their resources (no permission checks, no
 * notifications, no rate limit; counts kept like the commands keep them).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { comments } from '../db/schema/comments.ts';
import { adjustCounts } from './counts.ts';
import { placeComment } from './threading.ts';
import type { Alignment } from './settings.ts';

export interface SeedComment {
	authorId: string;
	body: string;
	alignment?: Alignment;
	/** Up votes to show (counters only: no vote rows, so nobody's data is invented). */
	upVotes?: number;
	createdAt?: Date;
	replies?: SeedComment[];
}

export async function seedComments(
	db: Db,
	resource: { resourceType: string; resourceId: string; spaceId: string; moduleId: string | null },
	thread: SeedComment[],
	parent: { id: string; parentId: string | null; rootId: string; depth: number } | null = null
): Promise<number> {
	let n = 0;
	for (const c of thread) {
		const id = randomUUID();
		const position = placeComment(id, parent);
		const alignment = c.alignment ?? 'neutral';
		await db.insert(comments).values({
			id,
			resourceType: resource.resourceType,
			resourceId: resource.resourceId,
			spaceId: resource.spaceId,
			moduleId: resource.moduleId,
			...position,
			authorId: c.authorId,
			alignment,
			body: c.body,
			upVotes: c.upVotes ?? 0,
			...(c.createdAt ? { createdAt: c.createdAt } : {})
		});
		if (position.parentId)
			await db
				.update(comments)
				.set({ replyCount: sql`${comments.replyCount} + 1` })
				.where(eq(comments.id, position.parentId));
		await adjustCounts(db, resource, alignment, 1);
		n += 1;
		if (c.replies?.length) n += await seedComments(db, resource, c.replies, { id, ...position });
	}
	return n;
}
