/** Search documents of reports: one per report (Romanian), public unless hidden or the module is not public. */
import type { Db } from '../../platform/db/index.ts';
import { indexDocument } from '../../platform/search/index-documents.ts';
import { REPORT_RESOURCE } from './manifest.ts';
import { publicReportRows } from './public-reports.ts';

async function documentsOf(db: Db, where: { moduleIds?: string[]; ids?: string[] }) {
	const rows = await publicReportRows(db, { ...where, includeHidden: true });
	return rows.map((r) => ({
		resourceId: r.report.id,
		locale: 'ro',
		title: `${r.registrationNumber} ${r.report.title}`,
		body: [r.categoryName.ro, r.report.address, r.report.description].filter(Boolean).join('\n'),
		url: r.url,
		visibility: (r.public ? 'public' : 'staff') as 'public' | 'staff',
		spaceId: r.spaceId
	}));
}

export const reportDocuments = (db: Db, moduleIds: string[]) => documentsOf(db, { moduleIds });

/** Re-indexes one report after it was created or changed (title, state, moderation). */
export async function indexReport(db: Db, reportId: string): Promise<void> {
	const [doc] = await documentsOf(db, { ids: [reportId] });
	if (!doc) return;
	await indexDocument(db, {
		resourceType: REPORT_RESOURCE,
		resourceId: doc.resourceId,
		spaceId: doc.spaceId,
		title: doc.title,
		body: doc.body,
		url: doc.url,
		visibility: doc.visibility
	});
}
