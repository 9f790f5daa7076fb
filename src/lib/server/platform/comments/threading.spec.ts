import { describe, expect, it } from 'vitest';
import { nestReplies, placeComment } from './threading.ts';

describe('placeComment', () => {
	it('puts a comment without parent at the top level, as its own root', () => {
		expect(placeComment('c1', null)).toEqual({ parentId: null, rootId: 'c1', depth: 1 });
	});
	it('nests replies one level deeper, down to depth 3', () => {
		const top = { id: 'a', parentId: null, rootId: 'a', depth: 1 };
		const second = { id: 'b', ...placeComment('b', top) };
		expect(second).toEqual({ id: 'b', parentId: 'a', rootId: 'a', depth: 2 });
		expect(placeComment('c', second)).toEqual({ parentId: 'b', rootId: 'a', depth: 3 });
	});
	it('attaches a reply to a depth-3 comment beside it, at depth 3', () => {
		const third = { id: 'c', parentId: 'b', rootId: 'a', depth: 3 };
		expect(placeComment('d', third)).toEqual({ parentId: 'b', rootId: 'a', depth: 3 });
	});
});

describe('nestReplies', () => {
	it('builds the tree in the given order and drops orphans', () => {
		const tree = nestReplies(
			[{ id: 'a', parentId: null }],
			[
				{ id: 'b', parentId: 'a' },
				{ id: 'c', parentId: 'b' },
				{ id: 'd', parentId: 'a' },
				{ id: 'x', parentId: 'gone' }
			]
		);
		expect(JSON.parse(JSON.stringify(tree))).toEqual([
			{
				id: 'a',
				parentId: null,
				replies: [
					{ id: 'b', parentId: 'a', replies: [{ id: 'c', parentId: 'b', replies: [] }] },
					{ id: 'd', parentId: 'a', replies: [] }
				]
			}
		]);
	});
});
