/** First-run seeding: reference data (departments, neighbourhoods, zones) always; Timișoara demo content on request. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';
import { seedReferenceData } from './reference.ts';
import { seedDemoUsers, demoPassword } from './demo-users.ts';
import { seedDemoProcesses } from './demo-processes.ts';

export interface SeedSummary {
	seeded: boolean;
	description: string;
	demoPassword?: string;
}

/** Seeds once: a database that already has departments is left alone (restarts never duplicate data). */
export async function seedIfEmpty(
	db: Db,
	{ demo, adminId }: { demo: boolean; adminId: string | null }
): Promise<SeedSummary> {
	const res = (await db.execute(sql`SELECT count(*)::int AS n FROM departments`)) as unknown as {
		rows: { n: number }[];
	};
	if ((res.rows?.[0]?.n ?? 0) > 0) return { seeded: false, description: '' };
	const reference = await seedReferenceData(db);
	const parts = [
		`${reference.departments} departments`,
		`${reference.neighbourhoods} neighbourhoods`,
		`${reference.zones} zones`
	];
	if (!demo) return { seeded: true, description: parts.join(', ') };
	const citizens = await seedDemoUsers(db);
	const processes = await seedDemoProcesses(db, { adminId });
	parts.push(`${citizens.length} demo citizens`, `${processes.length} participatory processes`);
	return { seeded: true, description: parts.join(', '), demoPassword };
}
