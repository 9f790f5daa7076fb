/** Background jobs on pg-boss (on PostgreSQL, or on the shared PGlite instance in embedded mode). */
import type { Database } from '../db/index.ts';

export async function startJobs(_database: Database): Promise<void> {}
export async function stopJobs(): Promise<void> {}
