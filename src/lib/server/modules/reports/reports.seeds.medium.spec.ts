/** The demo seed of reports: a living module over the real neighbourhoods, consistent with the module's rules. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { seedReferenceData } from '../../seed/reference.ts';
import { seedDemoUsers } from '../../seed/demo-users.ts';
import { searchDocuments } from '../../platform/db/schema.ts';
import { cityReportsModuleId } from './context.ts';
import { reportsCategories, reportsReports, reportsUpdates } from './schema.ts';
import { seedDemoReports } from './seeds.ts';
import { reportsStats } from './stats.ts';

const database = useTestDatabase();

describe('the demo reports', () => {
	it('fill the city’s module with ~300 reports in every state, routed, placed and timed consistently', async () => {
		const { db } = database();
		await seedReferenceData(db);
		await seedDemoUsers(db);
		const now = new Date('2026-11-20T10:00:00Z');
		const seeded = await seedDemoReports(db, { now });
		expect(seeded.reports).toBe(300);
		expect(await cityReportsModuleId(db)).toBe(seeded.moduleId);

		const rows = await db.select().from(reportsReports);
		expect(rows).toHaveLength(300);
		expect(new Set(rows.map((r) => r.state))).toEqual(
			new Set(['new', 'confirmed', 'in_progress', 'fixed', 'closed', 'duplicate', 'not_responsible', 'cannot_fix'])
		);
		expect(new Set(rows.map((r) => r.neighbourhoodId)).size).toBeGreaterThan(20);
		for (const r of rows) {
			expect(r.anonymousNotice).toBe(r.dueOn === null);
			expect(r.anonymousNotice).toBe(r.authorId === null && r.contactEmail === null);
			expect(r.createdAt.getTime()).toBeLessThan(now.getTime());
			if (r.fixedAt) expect(r.fixedAt.getTime()).toBeGreaterThan(r.createdAt.getTime());
			// A duplicate points at another seeded report.
			if (r.state === 'duplicate') expect(rows.some((o) => o.id === r.duplicateOfId && o.id !== r.id)).toBe(true);
		}
		const leaves = await db.select().from(reportsCategories);
		for (const r of rows) expect(leaves.find((c) => c.id === r.categoryId)?.departmentId).toBe(r.departmentId);
		const timeline = await db.select().from(reportsUpdates).where(eq(reportsUpdates.kind, 'public'));
		expect(timeline.length).toBeGreaterThan(200);
		expect(await db.select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'report'))).toHaveLength(300);

		const stats = await reportsStats(db, seeded.moduleId, {}, now);
		expect(stats.departments.length).toBeGreaterThanOrEqual(4);
		expect(stats.totals.overdue).toBeGreaterThan(0);
		expect(stats.totals.medianDaysToFix).toBeGreaterThan(0);
	});
});
