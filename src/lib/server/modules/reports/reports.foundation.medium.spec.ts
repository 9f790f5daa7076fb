/** The reports foundation on a real database: the setup helper, reports in a bounding box through the GiST index. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { cityReportsModule } from './context.ts';
import { canReports } from './context.ts';
import { reportsReports } from './schema.ts';
import { insertReport, reportsSetup } from './test-support.ts';

useTestDatabase();

describe('reports foundation', () => {
	it('finds the city module and reports inside a bounding box only', async () => {
		const admin = await person(['admin']);
		const setup = await reportsSetup(admin);
		const { ctx } = await cityReportsModule(await getDb());
		expect(ctx.module.id).toBe(setup.moduleId);
		expect(canReports({ kind: 'anonymous', context: {} }, 'report', ctx)).toEqual({ allowed: true });
		const inside = await insertReport(setup, { lat: 45.75, lng: 21.22 });
		await insertReport(setup, { lat: 45.8, lng: 21.3 });
		const db = await getDb();
		const found = await db
			.select({ id: reportsReports.id })
			.from(reportsReports)
			.where(sql`${reportsReports.location} <@ box(point(21.2, 45.74), point(21.25, 45.76))`);
		expect(found.map((r) => r.id)).toEqual([inside.id]);
		expect(inside.number).toBeGreaterThan(0);
		expect(inside.dueOn).toBeNull();
	});
});
