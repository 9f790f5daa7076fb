/** Reads the audit log for administrators: filter by actor, action, resource and dates; newest first, paginated. */
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { auditLog, user } from '../db/schema.ts';
import { authorize } from '../permissions/index.ts';
import { canAdmin } from '../permissions/admin-policy.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
	/** Part of the actor's name or e-mail, or their exact id. */
	actor?: string;
	/** An action (`user.grant_role`) or a prefix ending in a dot (`user.`). */
	action?: string;
	resourceType?: string;
	resourceId?: string;
	/** Inclusive calendar dates, YYYY-MM-DD (UTC). */
	from?: string;
	to?: string;
	page?: number;
}

const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !isNaN(Date.parse(s));
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listAuditEntries(actor: Actor, filter: AuditFilter = {}) {
	authorize(canAdmin(actor, 'audit.view'));
	const db = await getDb();
	const where: SQL[] = [];
	const who = filter.actor?.trim();
	if (who) where.push(or(eq(auditLog.actorId, who), ilike(user.name, like(who)), ilike(user.email, like(who)))!);
	const action = filter.action?.trim();
	if (action) where.push(action.endsWith('.') ? ilike(auditLog.action, `${action}%`) : eq(auditLog.action, action));
	if (filter.resourceType?.trim()) where.push(eq(auditLog.resourceType, filter.resourceType.trim()));
	if (filter.resourceId?.trim()) where.push(eq(auditLog.resourceId, filter.resourceId.trim()));
	if (isDate(filter.from)) where.push(gte(auditLog.createdAt, new Date(`${filter.from}T00:00:00Z`)));
	if (isDate(filter.to))
		where.push(lt(auditLog.createdAt, new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000)));
	const condition = where.length ? and(...where) : undefined;
	const page = Math.max(1, Math.floor(filter.page ?? 1));
	const [entries, [{ total }], actions, resourceTypes] = await Promise.all([
		db
			.select({
				id: auditLog.id,
				createdAt: auditLog.createdAt,
				actorId: auditLog.actorId,
				actorName: user.name,
				actorEmail: user.email,
				action: auditLog.action,
				resourceType: auditLog.resourceType,
				resourceId: auditLog.resourceId,
				spaceId: auditLog.spaceId,
				ip: auditLog.ip,
				userAgent: auditLog.userAgent,
				data: auditLog.data
			})
			.from(auditLog)
			.leftJoin(user, eq(user.id, auditLog.actorId))
			.where(condition)
			.orderBy(desc(auditLog.id))
			.limit(AUDIT_PAGE_SIZE)
			.offset((page - 1) * AUDIT_PAGE_SIZE),
		db.select({ total: count() }).from(auditLog).leftJoin(user, eq(user.id, auditLog.actorId)).where(condition),
		db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
		db.selectDistinct({ v: auditLog.resourceType }).from(auditLog).orderBy(auditLog.resourceType)
	]);
	return {
		entries,
		total,
		page,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		actions: actions.map((a) => a.v),
		resourceTypes: resourceTypes.map((r) => r.v)
	};
}
