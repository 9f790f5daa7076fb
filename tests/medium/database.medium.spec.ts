import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../setup/database.ts';

const database = useTestDatabase();

describe('the platform database', () => {
	it('folds Romanian diacritics in full-text search', async () => {
		const { db } = database();
		const res = await db.execute(sql`SELECT to_tsvector('ro_unaccent', 'Școlile din Mănăștur')::text AS v`);
		const rows = (Array.isArray(res) ? res : (res as { rows: { v: string }[] }).rows) as { v: string }[];
		expect(rows[0].v).toContain("'scol'");
		expect(rows[0].v).toContain("'manastur'");
	});
});
