/**
 * Background jobs on pg-boss, on the app's own database: PostgreSQL through its own small pool, or the shared
 * PGlite instance in embedded mode. Other code registers named handlers (`registerJob`) and enqueues work
 * (`enqueue`); this module never imports them. With `JOBS=off` (tests, one-off scripts) no worker runs and
 * `enqueue` runs the handler in-process instead, so no work is lost either way. `JOBS=queue` queues work without
 * doing it, for web processes next to a dedicated worker process.
 */
import type { PgBoss, Queue, SendOptions } from 'pg-boss';
import { config, databaseUrl } from '../config/env.ts';
import type { Database } from '../db/index.ts';
import { logger } from '../log.ts';

/** The city's clock: schedules are evaluated in local time (07:00 means 07:00 in Timișoara, DST included). */
export const CITY_TIME_ZONE = 'Europe/Bucharest';

export interface JobMeta {
	/** pg-boss job id; null when the handler runs in-process (jobs off). */
	id: string | null;
	name: string;
	retryCount: number;
}

export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;

export interface JobOptions {
	/** Cron expression (5 fields); the job is then also scheduled. Evaluated in `tz`. */
	cron?: string;
	/** Time zone of `cron`; the city's by default. */
	tz?: string;
	/** Failed runs are retried this many times (pg-boss default 2). */
	retryLimit?: number;
	/** Seconds before the first retry. */
	retryDelay?: number;
	/** Double the delay on each retry (with jitter). */
	retryBackoff?: boolean;
	retryDelayMax?: number;
	/** A run taking longer than this is considered dead and retried. */
	expireInSeconds?: number;
	/** `singleton`: never two runs at once across all app processes (the clocks and the digest use it). */
	policy?: 'standard' | 'singleton' | 'stately' | 'exclusive';
	/** How often an idle worker looks for new jobs. */
	pollingIntervalSeconds?: number;
	/** Parallel runs per app process. */
	concurrency?: number;
}

interface Registered {
	handler: JobHandler<never>;
	options: JobOptions;
}

const registry = new Map<string, Registered>();
let boss: PgBoss | undefined;
let starting: Promise<void> | undefined;

/**
 * Declares a job. Call it at import time of the wiring file (`src/lib/server/jobs.ts`), before `startJobs`.
 * Registering the same name again replaces the handler (dev server reloads).
 */
export function registerJob<T extends object>(name: string, handler: JobHandler<T>, options: JobOptions = {}): void {
	if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`job name must be lower-case words: ${name}`);
	if (boss && !registry.has(name)) throw new Error(`job ${name} registered after the workers started`);
	registry.set(name, { handler: handler as JobHandler<never>, options });
}

export function registeredJobs(): { name: string; options: JobOptions }[] {
	return [...registry].map(([name, r]) => ({ name, options: r.options }));
}

export const isJobRegistered = (name: string): boolean => registry.has(name);

/** True when pg-boss is running in this process, so enqueued work is done in the background (here or elsewhere). */
export function jobsRunning(): boolean {
	return boss !== undefined;
}

/** Runs a registered handler now, in this process (tests call handlers this way; also the JOBS=off path). */
export async function runJob<T extends object>(name: string, data: T): Promise<void> {
	const job = registry.get(name);
	if (!job) throw new Error(`unknown job: ${name}`);
	await (job.handler as JobHandler<T>)(data, { id: null, name, retryCount: 0 });
}

export type EnqueueOptions = Pick<SendOptions, 'startAfter' | 'singletonKey' | 'singletonSeconds' | 'priority'>;

/**
 * Queues `data` for the job `name`. Without running workers the handler runs right here instead, awaited, so the
 * caller sees the same effect (and the same failure) as the background run would have.
 */
export async function enqueue<T extends object>(name: string, data: T, options: EnqueueOptions = {}) {
	if (!registry.has(name)) throw new Error(`unknown job: ${name}`);
	if (!boss) {
		await runJob(name, data);
		return null;
	}
	return boss.send(name, data, options);
}

/** Queues many jobs of one kind in one statement (e.g. one e-mail per follower). */
export async function enqueueMany<T extends object>(name: string, items: T[]): Promise<void> {
	if (!registry.has(name)) throw new Error(`unknown job: ${name}`);
	if (!items.length) return;
	if (!boss) {
		for (const data of items) await runJob(name, data);
		return;
	}
	await boss.insert(
		name,
		items.map((data) => ({ data }))
	);
}

/** pg-boss rejects keys that are present but undefined, so only the options actually set are passed. */
const defined = <T extends object>(o: T): T =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function queueOptions(o: JobOptions): Omit<Queue, 'name'> {
	return defined({
		policy: o.policy ?? 'standard',
		retryLimit: o.retryLimit,
		retryDelay: o.retryDelay,
		retryBackoff: o.retryBackoff,
		retryDelayMax: o.retryDelayMax,
		expireInSeconds: o.expireInSeconds
	});
}

function connectionString(database: Database): string | undefined {
	// The server reads DATABASE_URL; medium tests hand over a pool for a cloned database instead.
	const fromPool = (database.pool as unknown as { options?: { connectionString?: string } } | undefined)?.options
		?.connectionString;
	return fromPool ?? databaseUrl();
}

/**
 * Starts pg-boss on the given database and a worker (and schedule) per registered job. Does nothing when
 * `JOBS=off`. Safe to call twice.
 */
export function startJobs(database: Database, options: { force?: boolean } = {}): Promise<void> {
	const mode = options.force ? 'on' : config.jobsMode();
	if (mode === 'off') {
		logger().info('background jobs are off (JOBS=off): queued work runs in the request that queues it');
		return Promise.resolve();
	}
	// JOBS=queue: this process only queues work (and runs no schedules); a process with JOBS=on does it.
	const working = mode === 'on';
	starting ??= (async () => {
		const log = logger();
		const { PgBoss: Boss, fromPglite } = await import('pg-boss');
		const common = {
			schema: 'pgboss',
			superviseIntervalSeconds: 60,
			monitorIntervalSeconds: 60,
			supervise: working,
			schedule: working
		} as const;
		let instance: PgBoss;
		if (database.kind === 'pglite') {
			instance = new Boss({ ...common, db: fromPglite(database.pglite!), backend: 'pglite' });
		} else {
			const url = connectionString(database);
			if (!url) throw new Error('jobs: no connection string for PostgreSQL');
			instance = new Boss({ ...common, connectionString: url, max: 3, application_name: 'vocea-jobs' });
		}
		instance.on('error', (err) => log.error({ err }, 'job queue error'));
		await instance.start();
		for (const [name, { handler, options: o }] of registry) {
			await instance.createQueue(name, queueOptions(o));
			// createQueue keeps an existing queue as it was: bring its retry settings up to date with the code.
			const { policy: _policy, ...changeable } = queueOptions(o);
			if (Object.keys(changeable).length) await instance.updateQueue(name, changeable);
			if (!working) continue;
			await instance.work<object>(
				name,
				{
					batchSize: 1,
					pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2,
					localConcurrency: o.concurrency ?? 1
				},
				async (jobs) => {
					for (const job of jobs) {
						const meta = job as unknown as { retryCount?: number };
						await handler(job.data as never, { id: job.id, name, retryCount: meta.retryCount ?? 0 });
					}
				}
			);
			if (o.cron) await instance.schedule(name, o.cron, null, { tz: o.tz ?? CITY_TIME_ZONE, missed: 'once' });
			else if (await instance.getSchedule(name)) await instance.unschedule(name);
		}
		boss = instance;
		log.info({ jobs: [...registry.keys()], backend: database.kind, mode }, 'background jobs started');
	})().catch((err) => {
		starting = undefined;
		throw err;
	});
	return starting;
}

/** Stops the workers, letting running jobs finish (up to `timeoutMs`); pending jobs stay queued for the next start. */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
	const pending = starting;
	starting = undefined;
	if (pending) await pending.catch(() => {});
	const instance = boss;
	boss = undefined;
	// An external PGlite handle is left open: the database module closes it after us.
	if (instance) await instance.stop({ graceful: true, timeout: timeoutMs, close: true });
}

/** The pg-boss instance, for tests and operations pages that need queue details. */
export function jobQueue(): PgBoss | undefined {
	return boss;
}
