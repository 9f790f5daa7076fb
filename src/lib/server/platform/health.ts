/** Health of the parts the platform needs: the database (with a timeout), and which database mode is in use. */
import { sql } from 'drizzle-orm';
import { getDatabase, type Database } from './db/index.ts';
import { logger } from './log.ts';

export interface Health {
	status: 'ok' | 'fail';
	database: 'ok' | 'fail';
	databaseKind?: 'pglite' | 'postgres';
	embedded?: boolean;
	version: string;
	uptimeSeconds: number;
	failing?: string[];
}

const version = process.env.npm_package_version ?? '0.1.0';

export interface HealthOptions {
	timeoutMs?: number;
	/** The database to probe (tests hand in a broken one). */
	open?: () => Promise<Pick<Database, 'db' | 'kind'>>;
}

/**
 * `/healthz` is public: a failure names only the failing part. The error itself (host names, user names, paths)
 * goes to the log, where operators look.
 */
export async function checkHealth({ timeoutMs = 3000, open = getDatabase }: HealthOptions = {}): Promise<Health> {
	const base = { version, uptimeSeconds: Math.round(process.uptime()) };
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		const database = await open();
		await Promise.race([
			database.db.execute(sql`SELECT 1`),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(new Error('database timeout')), timeoutMs);
			})
		]);
		return { status: 'ok', database: 'ok', databaseKind: database.kind, embedded: database.kind === 'pglite', ...base };
	} catch (err) {
		logger().error({ err }, 'health check: database failed');
		return { status: 'fail', database: 'fail', failing: ['database'], ...base };
	} finally {
		clearTimeout(timer);
	}
}
