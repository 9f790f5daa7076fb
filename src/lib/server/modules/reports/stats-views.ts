/** The public statistics page: the numbers of the city's reports, readable by anyone who may read reports. */
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { canReports, cityReportsModule } from './context.ts';
import { reportsStats, type StatsPeriod } from './stats.ts';

export async function viewStats(actor: Actor, period: StatsPeriod = {}) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(actor, 'read', ctx));
	return reportsStats(db, ctx.module.id, period);
}
