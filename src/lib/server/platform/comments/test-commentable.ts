/** Medium-test fixture: a commentable resource type ('test_item') whose settings each test controls. */
import { randomUUID } from 'node:crypto';
import { isVerified, type Actor } from '../actors/actor.ts';
import { allow, deny } from '../permissions/index.ts';
import { registerCommentable } from './commentables.ts';

export interface TestItem {
	spaceId: string;
	authorIds: string[];
	/** enabled | blocked (phase closed to new comments) | hidden (comments not shown in this phase) */
	comments: 'enabled' | 'blocked' | 'hidden';
	/** A verification the module requires to comment. */
	verification: 'residence' | null;
}

const items = new Map<string, TestItem>();

registerCommentable('test_item', async (_db, actor: Actor, id) => {
	const item = items.get(id);
	if (!item) return null;
	return {
		spaceId: item.spaceId,
		moduleId: null,
		title: { ro: 'Piața Victoriei fără mașini', en: 'Victory Square without cars' },
		url: `/test-items/${id}`,
		authorIds: item.authorIds,
		canRead: item.comments === 'hidden' ? deny('test_comments_hidden') : allow,
		canComment:
			item.comments !== 'enabled'
				? deny('test_comments_blocked')
				: item.verification && !isVerified(actor, item.verification)
					? deny('verification_required')
					: allow
	};
});

export function testItem(overrides: Partial<TestItem> = {}): {
	resourceType: string;
	resourceId: string;
	item: TestItem;
} {
	const item: TestItem = {
		spaceId: randomUUID(),
		authorIds: [],
		comments: 'enabled',
		verification: null,
		...overrides
	};
	const resourceId = randomUUID();
	items.set(resourceId, item);
	return { resourceType: 'test_item', resourceId, item };
}
