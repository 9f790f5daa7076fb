/** Loads the reports module (the city's one instance, or a given one) with its typed permission context. */
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import { sharedData } from '../../platform/http/shared-data.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import type { Decision } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { reports } from './manifest.ts';
import type { ReportsAction, ReportsContext } from './permissions.ts';
import type { ReportChannel } from './schema.ts';

export async function reportsModule(db: Db, moduleId: string, now: Date = new Date()) {
	const { ctx, instance } = await loadModule(db, reports, moduleId, now);
	return { ctx: ctx as ReportsContext, instance };
}

/**
 * The id of the city's reports module: the first published reports instance in a published space (else the first
 * one at all, so staff can prepare it), or null when the city has none. `/reports` and `/open311/v2` serve it.
 */
export async function cityReportsModuleId(db: Db): Promise<string | null> {
	return sharedData('reports:city-module', async () => {
		const rows = await db
			.select({ id: moduleInstances.id, published: moduleInstances.published, status: spaces.status })
			.from(moduleInstances)
			.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
			.where(and(eq(moduleInstances.kind, 'reports')))
			.orderBy(asc(moduleInstances.createdAt));
		const live = rows.find((r) => r.published && r.status === 'published');
		return (live ?? rows[0])?.id ?? null;
	});
}

/** The city's reports module with its context; 404 when the city has none. */
export async function cityReportsModule(db: Db, now: Date = new Date()) {
	const id = await cityReportsModuleId(db);
	if (!id) throw new NotFoundError('module');
	return reportsModule(db, id, now);
}

export const canReports = (actor: Actor, action: ReportsAction, ctx: ReportsContext): Decision =>
	can(actor, action, ctx, reports);

/** May this actor register a report through this channel? Staff-entered ones (phone, letter, counter) are staff's. */
export const canEnterReport = (actor: Actor, channel: ReportChannel, ctx: ReportsContext): Decision =>
	canReports(actor, channel === 'staff' ? 'handle' : 'report', ctx);
