/** Health of the parts the platform needs: the database (with a timeout), and which database mode is in use. */
import { sql } from 'drizzle-orm';
import { getDatabase } from './db/index.ts';

export interface Health {
	status: 'ok' | 'fail';
	database: 'ok' | 'fail';
	databaseKind?: 'pglite' | 'postgres';
	embedded?: boolean;
	version: string;
	uptimeSeconds: number;
	failing?: string[];
	error?: string;
}

const version = process.env.npm_package_version ?? '0.1.0';

export async function checkHealth(timeoutMs = 3000): Promise<Health> {
	const base = { version, uptimeSeconds: Math.round(process.uptime()) };
	try {
		const database = await getDatabase();
		await Promise.race([
			database.db.execute(sql`SELECT 1`),
			new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), timeoutMs))
		]);
		return { status: 'ok', database: 'ok', databaseKind: database.kind, embedded: database.kind === 'pglite', ...base };
	} catch (e) {
		return { status: 'fail', database: 'fail', failing: ['database'], error: (e as Error).message, ...base };
	}
}
