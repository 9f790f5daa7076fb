/**
 * Commentable resource types. A module whose resources take comments registers a resolver at import time of its
 * manifest: given a resource id and the actor, it says where the resource lives, what it is called, who wrote it
 * and whether the actor may read and write its comments (from the module's phase settings and verification).
 * The platform never imports modules: they come to it.
 */
import type { Translated } from '../db/columns.ts';
import type { Actor } from '../actors/actor.ts';
import type { Db } from '../db/index.ts';
import type { Decision } from '../permissions/index.ts';

export interface CommentTarget {
	spaceId: string;
	moduleId: string | null;
	title: Translated;
	/** A site path without locale prefix, e.g. '/processes/bugetare-2026/proposals/m1/p1' (used in notifications). */
	url: string;
	/** Who wrote the resource: told about new comments. */
	authorIds: string[];
	/** Whether the actor may read the resource's comments (e.g. comments hidden in this phase, or a draft space). */
	canRead: Decision;
	/** Whether the actor may write (comments blocked in this phase, verification missing…); the platform adds its own rules. */
	canComment: Decision;
}

export type CommentableResolver = (db: Db, actor: Actor, resourceId: string) => Promise<CommentTarget | null>;

const commentables = new Map<string, CommentableResolver>();

export function registerCommentable(resourceType: string, resolver: CommentableResolver): void {
	commentables.set(resourceType, resolver);
}

export function commentableTypes(): string[] {
	return [...commentables.keys()];
}

/** The target, or null when the type is unknown or the resource does not exist. */
export async function resolveTarget(
	db: Db,
	actor: Actor,
	resourceType: string,
	resourceId: string
): Promise<CommentTarget | null> {
	const resolver = commentables.get(resourceType);
	if (!resolver || !resourceId) return null;
	return resolver(db, actor, resourceId);
}
