/** Where a reply goes in a thread: threads are at most MAX_DEPTH deep, deeper replies join the last level. */
import { MAX_DEPTH } from './settings.ts';

export interface ThreadPosition {
	parentId: string | null;
	rootId: string;
	depth: number;
}

/** The position of a new comment: top level (own id as root) or a reply to `parent`. */
export function placeComment(
	id: string,
	parent: { id: string; parentId: string | null; rootId: string; depth: number } | null
): ThreadPosition {
	if (!parent) return { parentId: null, rootId: id, depth: 1 };
	// A reply to a comment at the last level becomes its sibling, so the thread stays readable on a phone.
	if (parent.depth >= MAX_DEPTH) return { parentId: parent.parentId, rootId: parent.rootId, depth: MAX_DEPTH };
	return { parentId: parent.id, rootId: parent.rootId, depth: parent.depth + 1 };
}

/** Nests a flat list (ordered by creation) under its parents; comments whose parent is missing are dropped. */
export function nestReplies<T extends { id: string; parentId: string | null }>(
	roots: T[],
	replies: T[]
): (T & { replies: (T & { replies: unknown[] })[] })[] {
	type Node = T & { replies: Node[] };
	const byId = new Map<string, Node>();
	const top: Node[] = roots.map((r) => {
		const node = { ...r, replies: [] } as Node;
		byId.set(r.id, node);
		return node;
	});
	for (const r of replies) byId.set(r.id, { ...r, replies: [] } as Node);
	for (const r of replies) {
		const node = byId.get(r.id)!;
		const parent = r.parentId ? byId.get(r.parentId) : undefined;
		if (parent) parent.replies.push(node);
	}
	return top;
}
