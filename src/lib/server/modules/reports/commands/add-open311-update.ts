/**
 * Records an update an Open311 client posts to a report (FMS `POST servicerequestupdates`: a comment from the
 * client's side) as a public timeline entry. The client's `update_id` is unique per API key, so a repeated post is
 * refused as a duplicate instead of doubling the entry. The status the client sends is kept with the entry; it never
 * moves the report: only the city's staff change a report's state.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../../../platform/db/index.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import type { ApiKeyIdentity } from '../open311/api-keys.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';

export interface Open311Update {
	number: number;
	/** The client's own id of the update (FMS: its comment id). */
	externalId: string;
	status: string;
	description: string;
	updatedAt: Date;
	name: string | null;
	mediaUrls: string[];
}

export async function addOpen311Update(
	key: ApiKeyIdentity | null,
	moduleId: string,
	input: Open311Update,
	now = new Date()
): Promise<Result<{ id: string }>> {
	authorize(decide(Boolean(key), 'reports_open311_key_required'));
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [report] = await tx
			.select({ id: reportsReports.id })
			.from(reportsReports)
			.where(
				and(
					eq(reportsReports.moduleId, moduleId),
					eq(reportsReports.number, input.number),
					isNull(reportsReports.hiddenAt)
				)
			)
			.for('update');
		if (!report) return invalid({ service_request_id: 'not_found' });
		const [row] = await tx
			.insert(reportsUpdates)
			.values({
				reportId: report.id,
				kind: 'public',
				text: input.description,
				data: {
					source: 'open311',
					apiKey: key!.name,
					status: input.status,
					name: input.name,
					mediaUrls: input.mediaUrls,
					updatedAt: input.updatedAt.toISOString()
				},
				apiKeyId: key!.id,
				externalId: input.externalId,
				createdAt: now
			})
			.onConflictDoNothing({ target: [reportsUpdates.apiKeyId, reportsUpdates.externalId] })
			.returning({ id: reportsUpdates.id });
		if (!row) return invalid({ update_id: 'duplicate' });
		await tx.update(reportsReports).set({ updatedAt: now }).where(eq(reportsReports.id, report.id));
		return ok({ id: row.id });
	});
}
