import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { processListForApi } from '../platform/spaces/api.ts';
import { seedDemoProcesses } from './demo-processes.ts';
import { pagesPages } from '../modules/pages/schema.ts';

const database = useTestDatabase();

describe('the demo processes', () => {
	it('are published with a current phase, past and upcoming phases, and pages', async () => {
		const slugs = await seedDemoProcesses(database().db, { adminId: null });
		expect(slugs).toHaveLength(4);
		const list = await processListForApi(null);
		expect(list.data.map((p) => p.slug).sort()).toEqual([...slugs].sort());
		for (const p of list.data) expect(p.currentPhaseId, p.slug).not.toBeNull();
		const statuses = new Set(list.data.flatMap((p) => p.phases.map((ph) => ph.status)));
		expect(statuses).toEqual(new Set(['past', 'current', 'upcoming']));
		expect((await database().db.select().from(pagesPages)).length).toBeGreaterThanOrEqual(6);
	});
});
