/** Resource links: typed, directed edges between resources of any module, read in both directions. */
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { resourceLinks } from '../db/schema.ts';

export interface ResourceRef {
	resourceType: string;
	resourceId: string;
}

export interface ResourceLink {
	id: string;
	kind: string;
	/** 'outgoing' when the asked-about resource is the link's `from` side. */
	direction: 'outgoing' | 'incoming';
	/** The resource at the other end. */
	other: ResourceRef;
	createdBy: string | null;
	createdAt: Date;
}

/** Links `from` → `to` with `kind`; linking twice is a no-op. Returns true when a new link was written. */
export async function linkResources(
	db: Db,
	from: ResourceRef,
	to: ResourceRef,
	kind: string,
	options: { createdBy?: string | null } = {}
): Promise<boolean> {
	const rows = await db
		.insert(resourceLinks)
		.values({
			fromType: from.resourceType,
			fromId: from.resourceId,
			toType: to.resourceType,
			toId: to.resourceId,
			kind,
			createdBy: options.createdBy ?? null
		})
		.onConflictDoNothing()
		.returning({ id: resourceLinks.id });
	return rows.length > 0;
}

/** Removes the link `from` → `to` of `kind`. Returns true when a link was removed. */
export async function unlinkResources(db: Db, from: ResourceRef, to: ResourceRef, kind: string): Promise<boolean> {
	const rows = await db
		.delete(resourceLinks)
		.where(
			and(
				eq(resourceLinks.fromType, from.resourceType),
				eq(resourceLinks.fromId, from.resourceId),
				eq(resourceLinks.toType, to.resourceType),
				eq(resourceLinks.toId, to.resourceId),
				eq(resourceLinks.kind, kind)
			)
		)
		.returning({ id: resourceLinks.id });
	return rows.length > 0;
}

/** Every link touching a resource, in both directions, oldest first. */
export async function linksOf(db: Db, resource: ResourceRef, filter: { kind?: string } = {}): Promise<ResourceLink[]> {
	const rows = await db
		.select()
		.from(resourceLinks)
		.where(
			and(
				or(
					and(eq(resourceLinks.fromType, resource.resourceType), eq(resourceLinks.fromId, resource.resourceId)),
					and(eq(resourceLinks.toType, resource.resourceType), eq(resourceLinks.toId, resource.resourceId))
				),
				filter.kind ? eq(resourceLinks.kind, filter.kind) : undefined
			)
		)
		.orderBy(asc(resourceLinks.createdAt), asc(resourceLinks.id));
	return rows.map((row) => {
		const outgoing = row.fromType === resource.resourceType && row.fromId === resource.resourceId;
		return {
			id: row.id,
			kind: row.kind,
			direction: outgoing ? 'outgoing' : 'incoming',
			other: outgoing
				? { resourceType: row.toType, resourceId: row.toId }
				: { resourceType: row.fromType, resourceId: row.fromId },
			createdBy: row.createdBy,
			createdAt: row.createdAt
		};
	});
}
