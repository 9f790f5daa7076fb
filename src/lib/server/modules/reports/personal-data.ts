/**
 * GDPR for reports: what a person's "download my data" holds (their reports with the contact they gave, their
 * "me too"s and area subscriptions), and anonymisation when they delete their account — reports stay public as
 * written (by "deleted account", contact erased), supports are removed (the count stays), subscriptions end.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import type { PersonalData } from '../../platform/modules/define-module.ts';
import { reportsReports, reportsSubscriptions, reportsSupports, reportsUpdates } from './schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const reportsPersonalData: PersonalData = {
	async exportFor(db, userId) {
		const [reports, supports, subscriptions] = await Promise.all([
			db.select().from(reportsReports).where(eq(reportsReports.authorId, userId)),
			db.select().from(reportsSupports).where(eq(reportsSupports.userId, userId)),
			db.select().from(reportsSubscriptions).where(eq(reportsSubscriptions.userId, userId))
		]);
		return {
			reports_reports: reports.map((r) => ({
				id: r.id,
				number: r.number,
				title: r.title,
				description: r.description,
				state: r.state,
				address: r.address,
				latitude: r.lat,
				longitude: r.lng,
				answers: JSON.stringify(r.answers),
				show_name: r.showName,
				contact_name: r.contactName,
				contact_email: r.contactEmail,
				contact_phone: r.contactPhone,
				channel: r.channel,
				due_on: r.extendedDueOn ?? r.dueOn,
				created_at: iso(r.createdAt)
			})),
			reports_supports: supports.map((s) => ({ report_id: s.reportId, created_at: iso(s.createdAt) })),
			reports_subscriptions: subscriptions.map((s) => ({
				id: s.id,
				neighbourhood_id: s.neighbourhoodId,
				latitude: s.lat,
				longitude: s.lng,
				radius_meters: s.radiusMeters,
				label: s.label,
				email: s.email,
				created_at: iso(s.createdAt)
			}))
		};
	},
	async anonymize(db: Db, userId: string) {
		await db
			.update(reportsReports)
			.set({ authorId: null, showName: false, contactName: null, contactEmail: null, contactPhone: null })
			.where(eq(reportsReports.authorId, userId));
		await db.update(reportsReports).set({ assigneeId: null }).where(eq(reportsReports.assigneeId, userId));
		// Timeline entries stay (the public history of the report); who wrote them is forgotten.
		await db.update(reportsUpdates).set({ authorId: null }).where(eq(reportsUpdates.authorId, userId));
		await db.delete(reportsSupports).where(eq(reportsSupports.userId, userId));
		await db.delete(reportsSubscriptions).where(eq(reportsSubscriptions.userId, userId));
	}
};
