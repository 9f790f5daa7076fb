/** Starts the platform on server start (database, background jobs) and closes it on SIGTERM. */
import { closeDatabase, getDatabase, isEmbedded } from './db/index.ts';
import { logger } from './log.ts';

let started: Promise<void> | undefined;

export interface PlatformWiring {
	/**
	 * Declares every background job. Passed in by the caller (hooks.server.ts) because the wiring names module and
	 * spaces jobs, and platform/ never imports those.
	 */
	registerJobs: () => void;
}

export function startPlatform({ registerJobs }: PlatformWiring): Promise<void> {
	started ??= (async () => {
		const log = logger();
		try {
			const database = await getDatabase();
			if (isEmbedded())
				log.warn(
					'Embedded database (PGlite) in use: for trying the platform and small pilots only — not crash-safe, one process. ' +
						'For production set DATABASE_URL=postgres://user:pass@host:5432/vocea (see docs/operations.md).'
				);
			log.info({ database: database.kind }, 'database ready');
			registerJobs();
			const { startJobs } = await import('./jobs/index.ts');
			// Without workers the site still works: e-mails go out from the request, schedules wait for a restart.
			await startJobs(database).catch((err) =>
				log.error({ err }, 'background jobs failed to start; running without them')
			);
		} catch (err) {
			log.fatal({ err }, 'platform failed to start');
			process.exitCode = 1;
			// A locked data folder or unreachable database is fatal: say so and stop, instead of serving errors.
			setTimeout(() => process.exit(1), 100);
		}
	})();
	return started;
}

let stopping = false;
process.once('sveltekit:shutdown', async () => {
	if (stopping) return;
	stopping = true;
	const { stopJobs } = await import('./jobs/index.ts');
	await stopJobs().catch(() => {});
	await closeDatabase().catch(() => {});
	logger().info('shut down cleanly');
});
