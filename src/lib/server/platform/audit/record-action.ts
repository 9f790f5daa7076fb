/** Appends an entry to the audit log: who (actor), what (action), which record, when, from where. */
import type { Db } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor } from '../actors/actor.ts';

export interface AuditEntry {
	action: string;
	resourceType: string;
	resourceId?: string | null;
	spaceId?: string | null;
	data?: Record<string, unknown>;
}

export async function recordAction(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		actorId: actor.kind === 'user' ? actor.id : actor.kind === 'system' ? `system:${actor.name}` : null,
		action: entry.action,
		resourceType: entry.resourceType,
		resourceId: entry.resourceId ?? null,
		spaceId: entry.spaceId ?? null,
		ip: actor.context.ip ?? null,
		userAgent: actor.context.userAgent?.slice(0, 300) ?? null,
		data: entry.data ?? {}
	});
}
