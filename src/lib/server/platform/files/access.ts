/**
 * Who may download a stored file. A file is public when something public uses it (the cover or a document of a
 * published process); otherwise only its owner and the people who may manage a space that uses it may read it.
 * What uses a file is asked of "file uses" resolvers handed in by the caller, so files need not know every owner.
 */
import { isUser, type Actor } from '../actors/actor.ts';
import type { Db } from '../db/index.ts';
import { canManageSpace } from '../spaces/policy.ts';

/** One use of a file: by a space (or by nothing space-bound: null), public or not. */
export interface FileUse {
	spaceId: string | null;
	public: boolean;
}

/** The uses of a file known to one part of the platform (spaces, later modules). */
export type FileUseResolver = (db: Db, fileId: string) => Promise<FileUse[]>;

/** public: anyone, cacheable for good; private: this person only, never cached; denied: answered as not found. */
export type FileAccess = 'public' | 'private' | 'denied';

export function fileAccess(actor: Actor, file: { ownerId: string | null }, uses: FileUse[]): FileAccess {
	if (uses.some((u) => u.public)) return 'public';
	if (isUser(actor) && file.ownerId === actor.id) return 'private';
	// A file no space uses (yet) stays with its owner and those holding the processes right.
	const spaceIds = uses.length ? uses.map((u) => u.spaceId) : [null];
	return spaceIds.some((spaceId) => canManageSpace(actor, spaceId).allowed) ? 'private' : 'denied';
}
