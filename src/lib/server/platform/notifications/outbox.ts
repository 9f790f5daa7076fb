/** Reads the development outbox (e-mails and SMS recorded instead of sent). */
import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Actor } from '../actors/actor.ts';
import { isDemo } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { outbox } from '../db/schema.ts';
import { canAdmin } from '../permissions/admin-policy.ts';
import { authorize, decide } from '../permissions/index.ts';

export interface OutboxFilter {
	/** Exact address (tests). */
	to?: string;
	/** Part of an address, case-insensitive (the admin page's filter). */
	toContains?: string;
	channel?: string;
	limit?: number;
}

export async function listOutbox(filter: OutboxFilter = {}) {
	const db = await getDb();
	const where: SQL[] = [];
	if (filter.to) where.push(eq(outbox.to, filter.to.toLowerCase()));
	if (filter.toContains) where.push(ilike(outbox.to, `%${filter.toContains.replace(/[\\%_]/g, '\\$&')}%`));
	if (filter.channel) where.push(eq(outbox.channel, filter.channel));
	return db
		.select()
		.from(outbox)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(outbox.id))
		.limit(filter.limit ?? 100);
}

/** The outbox for the admin page: only in demo mode (real messages are never shown), only to administrators. */
export async function viewOutbox(actor: Actor, filter: { to?: string; channel?: string }) {
	authorize(canAdmin(actor, 'outbox.view'));
	authorize(decide(isDemo(), 'demo_only'));
	const channel = filter.channel === 'email' || filter.channel === 'sms' ? filter.channel : undefined;
	const to = filter.to?.trim().slice(0, 200) || undefined;
	return listOutbox({ toContains: to, channel, limit: 200 });
}
