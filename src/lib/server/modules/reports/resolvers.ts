/**
 * How the platform asks about reports: whether one may be followed (it exists, is not hidden, and its module is
 * public), and who may download a report's photos (anyone when the report and the update it belongs to are public;
 * else the staff of the space).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { FileUse } from '../../platform/files/access.ts';
import { reportsPhotos, reportsReports, reportsUpdates } from './schema.ts';

export async function followableReport(db: Db, reportId: string): Promise<boolean> {
	const [row] = await db
		.select({ status: spaces.status, published: moduleInstances.published })
		.from(reportsReports)
		.innerJoin(moduleInstances, eq(moduleInstances.id, reportsReports.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(and(eq(reportsReports.id, reportId), isNull(reportsReports.hiddenAt)));
	return row !== undefined && row.status === 'published' && row.published;
}

export async function reportFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const rows = await db
		.select({
			spaceId: spaces.id,
			status: spaces.status,
			published: moduleInstances.published,
			hiddenAt: reportsReports.hiddenAt,
			updateKind: reportsUpdates.kind
		})
		.from(reportsPhotos)
		.innerJoin(reportsReports, eq(reportsReports.id, reportsPhotos.reportId))
		.leftJoin(reportsUpdates, eq(reportsUpdates.id, reportsPhotos.updateId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, reportsReports.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(reportsPhotos.fileId, fileId));
	return rows.map((r) => ({
		spaceId: r.spaceId,
		public:
			r.status === 'published' && r.published && !r.hiddenAt && (r.updateKind === null || r.updateKind === 'public')
	}));
}
