/**
 * A discussion that exists only for the e2e stories (`/test-hooks/comments/<id>`): any id is a thread, open to every
 * signed-in person. It resolves only while the test hooks are on (never in a real deployment, see test-hooks.ts).
 */
import { testHooksEnabled } from '../config/test-hooks.ts';
import { allow } from '../permissions/index.ts';
import { registerCommentable } from './commentables.ts';

registerCommentable('test_thread', async (_db, _actor, id) =>
	testHooksEnabled() && /^[a-z0-9-]{1,64}$/.test(id)
		? {
				spaceId: 'test-hooks',
				moduleId: null,
				title: { ro: 'Discuție de test', en: 'Test discussion' },
				url: `/test-hooks/comments/${id}`,
				authorIds: [],
				canRead: allow,
				canComment: allow
			}
		: null
);
