/**
 * The production server for benchmarks: built into its own build dir (reused while newer than every source file),
 * started as `node <build>/index.js` with the benchmark's environment, waited for, stopped at cleanup; and the CPU
 * time a process has used, read from /proc.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cleanups } from './cleanup.ts';

/** The newest modification time under a folder (generated Paraglide output excluded: every compile rewrites it). */
function newest(dir: string): number {
	let t = 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (p === join('src', 'lib', 'paraglide')) continue;
		t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
	}
	return t;
}

/**
 * Builds the server into `buildDir` for `origin` (adapter-node bakes the origin in at build time), unless the build
 * there is for the same origin and newer than src/ and messages/ (`force` rebuilds anyway, `reuse` never builds).
 */
export function buildServer(options: {
	buildDir: string;
	kitOutDir: string;
	origin: string;
	force?: boolean;
	reuse?: boolean;
}) {
	const { buildDir, kitOutDir, origin } = options;
	const marker = join(buildDir, '.origin');
	const current =
		existsSync(marker) &&
		readFileSync(marker, 'utf8') === origin &&
		statSync(join(buildDir, 'index.js')).mtimeMs > Math.max(newest('src'), newest('messages'));
	if (options.reuse || (current && !options.force))
		return console.log(`reusing ${buildDir} (newer than src/ and messages/)`);
	console.log(`building ${buildDir} for ${origin} …`);
	const env = { ...process.env, ORIGIN: origin, BUILD_DIR: buildDir, KIT_OUT_DIR: kitOutDir };
	// Messages being edited by someone else can fail the i18n check; the compiled output already in the tree is then used.
	if (spawnSync('npm', ['run', 'i18n'], { stdio: 'inherit', env }).status !== 0)
		console.warn('npm run i18n failed: building with the compiled messages already in src/lib/paraglide');
	const vite = join('node_modules', 'vite', 'bin', 'vite.js');
	const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
	if (r.status !== 0) throw new Error('build failed');
	writeFileSync(marker, origin);
}

/** The environment of a benchmarked production server on `port` (`databaseUrl` '' = PGlite under `dataDir`). */
export function serverEnv(options: {
	databaseUrl: string;
	dataDir: string;
	port: number;
	origin: string;
}): NodeJS.ProcessEnv {
	return {
		...process.env,
		DATABASE_URL: options.databaseUrl,
		DATA_DIR: options.dataDir,
		AUTH_SECRET: BENCH_AUTH_SECRET,
		ADMIN_EMAIL: 'admin@vocea.test',
		ADMIN_PASSWORD: 'admin-password-bench',
		PORT: String(options.port),
		HOST: '127.0.0.1',
		ORIGIN: options.origin,
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn',
		VOCEA_DEMO: '1',
		VOCEA_BENCH: '1',
		// A web process beside a job worker: it queues jobs but does not poll for them (no background queries).
		JOBS: 'queue'
	};
}

/** The session-signing secret of benchmarked servers (benchmarks sign session cookies with it, see budgets/). */
export const BENCH_AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

/** Resolves once `url` answers 2xx, polling every 250 ms; throws after `ms`. */
export async function waitFor(url: string, ms: number) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/**
 * Starts `node [nodeArgs] <buildDir>/index.js` with an IPC channel; stopped (SIGTERM, then SIGKILL after 5 s) at
 * cleanup unless it has already exited.
 */
export function startServer(
	buildDir: string,
	env: NodeJS.ProcessEnv,
	cleanups: Cleanups,
	nodeArgs: string[] = []
): ChildProcess {
	const server = spawn(process.execPath, [...nodeArgs, join(buildDir, 'index.js')], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		env
	});
	cleanups.add(() => stopProcess(server));
	return server;
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) used so far by a process on this machine (0 once it is gone). */
export function cpuSeconds(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / clockTicks;
	} catch {
		return 0;
	}
}
