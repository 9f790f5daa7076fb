/** First-run seeding: reference data (departments, neighbourhoods, zones) always; Timișoara demo content on request. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';
import { seedReferenceData } from './reference.ts';
import { seedDemoUsers, demoPassword } from './demo-users.ts';
import { seedDemoProcesses } from './demo-processes.ts';
import { seedDemoBudgets } from '../modules/budgets/index.ts';
import { seedDemoReports } from '../modules/reports/index.ts';

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
	// Participatory budgeting: a closed 2024 edition (ballots, results, implementation) and one open for voting.
	const budgets = await seedDemoBudgets(db);
	// Problem reports: the city's "Sesizări" space with ~300 reports over the real neighbourhoods.
	const demoReports = await seedDemoReports(db);
	parts.push(
		`${citizens.length} demo citizens`,
		`${processes.length + budgets.slugs.length} participatory processes`,
		`${budgets.ballots} demo ballots`,
		`${demoReports.reports} demo problem reports`
	);
	return { seeded: true, description: parts.join(', '), demoPassword };
}
