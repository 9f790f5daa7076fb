/**
 * Issue-5 crash check (a check, not a timing test: exits non-zero when a check fails). The production server on a
 * throwaway PostgreSQL with durable commits takes a storm of casts from distinct voters, and every acknowledged cast
 * (an HTTP answer carrying the receipt) is recorded on the client side.
 *   Round A: halfway through the storm the app is killed with SIGKILL, restarted, and the storm finishes.
 *   Round B: halfway through, PostgreSQL is restarted with `pg_ctl restart -m immediate` (no checkpoint: it recovers
 *            from its WAL, as after a power cut) while the app keeps serving; the storm finishes.
 * Casts that got no answer (in flight at the crash, or refused while a server was down) are sent again, as a voter
 * would: one committed before the crash must now answer "already voted", never make a second ballot.
 * Checks per round: every acknowledged receipt is in the ballot box (`receipt_hash`); no voter is on the roll twice;
 * box rows = roll rows; every voter of the round ends on the roll exactly once, acknowledged or told they already
 * voted.
 *
 * Run: node_modules/.bin/node bench/budgets/crash.ts [--rebuild|--no-build]   or npm run bench:budgets:crash
 * Env: BENCH_CRASH_BALLOTS (casts per round, default 10,000), BENCH_CRASH_CLIENTS (default 16),
 *      BENCH_PORT (default 4227, as casts.ts: one build; PostgreSQL on BENCH_PORT + 10000), BUILD_DIR / KIT_OUT_DIR (default
 *      build-bench-budgets / .svelte-kit-bench-budgets, shared with casts.ts)
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { waitFor } from '../support/server.ts';
import { checkBox, setUp, storm, type Bench, type CastRecord } from './harness.ts';

const args = process.argv.slice(2);
const port = Number(process.env.BENCH_PORT ?? 4227);
const ballots = Number(process.env.BENCH_CRASH_BALLOTS ?? 10_000);
const clients = Number(process.env.BENCH_CRASH_CLIENTS ?? 16);

/** Roll rows left by the earlier rounds (the box and the roll are counted for the whole edition). */
let rollBefore = 0;

interface RoundResult {
	name: string;
	acknowledged: number;
	alreadyVoted: number;
	failedAttempts: number;
	retryPasses: number;
	boxRows: number;
	rollRows: number;
	doubledVoters: number;
	missingReceipts: number;
	failures: string[];
}

/** A fresh check connection (the old one dies with PostgreSQL). */
async function reconnect(bench: Bench) {
	await bench.db.end().catch(() => {});
	const db = new pg.Client({ connectionString: bench.databaseUrl });
	db.on('error', () => {});
	await db.connect();
	bench.db = db;
	bench.cleanups.add(() => db.end().catch(() => {}));
}

/** `pg_ctl restart -m immediate` without blocking the clients' event loop. */
function restartPostgres(bench: Bench): Promise<void> {
	return new Promise((resolve, reject) => {
		const { bin, dataDir } = bench.postgres;
		// The server keeps the options it was started with (postmaster.opts).
		const child = spawn(
			...bench.postgres.asOwner(`${bin}/pg_ctl -D ${dataDir} -l ${dataDir}/../log -w -m immediate restart >/dev/null`)
		);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited ${code}`))));
	});
}

async function round(bench: Bench, name: string, voters: number[], crash: 'app' | 'postgres'): Promise<RoundResult> {
	console.log(
		`${name}: ${voters.length} casts, ${clients} clients, ${crash === 'app' ? 'kill -9 the app' : 'restart PostgreSQL (immediate)'} halfway`
	);
	const receipts: string[] = [];
	const settled = new Set<number>();
	let alreadyVoted = 0;
	let failedAttempts = 0;
	const record = (r: CastRecord) => {
		if (r.answer.kind === 'cast') {
			receipts.push(r.answer.receipt);
			settled.add(r.voter);
		} else if (r.answer.kind === 'already_voted') {
			alreadyVoted++;
			settled.add(r.voter);
		} else failedAttempts++;
	};

	let crashed = false;
	let appDied: string | null = null;
	let recovery: Promise<void> | null = null;
	const first = await storm(bench, voters, {
		clients,
		// After kill -9 the clients stop (every request would be refused); after a database restart they go on.
		stop: () => crash === 'app' && crashed,
		onCast: (r) => {
			record(r);
			if (crashed || receipts.length < voters.length / 2) return;
			crashed = true;
			if (crash === 'app') {
				console.log(`  ${receipts.length} acknowledged: kill -9 the app (pid ${bench.server.pid})`);
				bench.server.kill('SIGKILL');
			} else {
				console.log(`  ${receipts.length} acknowledged: pg_ctl restart -m immediate`);
				recovery = restartPostgres(bench).then(() => console.log('  PostgreSQL is back'));
			}
		}
	});
	if (!crashed) {
		const sample = first.records.find((r) => r.answer.kind !== 'cast')?.answer;
		return failedRound(
			name,
			`the storm ended before the crash point (${receipts.length} acknowledged; e.g. ${JSON.stringify(sample)})`
		);
	}
	if (crash === 'app') {
		await new Promise((r) =>
			bench.server.exitCode !== null || bench.server.signalCode ? r(null) : bench.server.once('exit', r)
		);
		console.log('  restarting the app …');
		await bench.startApp();
	} else {
		await recovery;
		await reconnect(bench);
		// The app must survive a database restart; if it died, that is a failure, and it is restarted (as a process
		// supervisor would) so the other checks still run.
		if (bench.server.exitCode !== null || bench.server.signalCode !== null) {
			appDied = `the app exited (code ${bench.server.exitCode}, signal ${bench.server.signalCode}) when PostgreSQL restarted`;
			console.log(`  ${appDied}: restarting it`);
			await bench.startApp();
		}
		await waitFor(`${bench.origin}/healthz`, 60_000);
	}

	// Finish the storm: the voters not reached yet, then (as often as needed) those whose cast got no answer.
	let pending = [...first.unused, ...voters.filter((v) => !settled.has(v) && !first.unused.includes(v))];
	let passes = 0;
	while (pending.length && passes < 5) {
		passes++;
		const pass = await storm(bench, pending, { clients, onCast: record });
		pending = pending.filter((v) => !settled.has(v));
		if (pending.length) {
			const sample = pass.records.find((r) => !settled.has(r.voter));
			console.log(`  pass ${passes}: ${pending.length} casts still unanswered, e.g. ${JSON.stringify(sample?.answer)}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}

	const check = await checkBox(bench, receipts);
	const failures: string[] = [];
	if (check.missingReceipts > 0) failures.push(`${check.missingReceipts} acknowledged receipts are not in the box`);
	if (check.doubledVoters > 0) failures.push(`${check.doubledVoters} voters are on the roll twice`);
	if (check.boxRows !== check.rollRows) failures.push(`box rows ${check.boxRows} ≠ roll rows ${check.rollRows}`);
	if (pending.length) failures.push(`${pending.length} voters never got an answer after ${passes} passes`);
	if (appDied) failures.push(appDied);
	const expected = rollBefore + voters.length;
	if (check.rollRows !== expected) failures.push(`roll rows ${check.rollRows} ≠ ${expected} voters so far`);
	if (receipts.length + alreadyVoted !== voters.length)
		failures.push(`${receipts.length} acknowledged + ${alreadyVoted} already voted ≠ ${voters.length} voters`);
	rollBefore = check.rollRows;
	return {
		name,
		acknowledged: receipts.length,
		alreadyVoted,
		failedAttempts,
		retryPasses: passes,
		boxRows: check.boxRows,
		rollRows: check.rollRows,
		doubledVoters: check.doubledVoters,
		missingReceipts: check.missingReceipts,
		failures
	};
}

function failedRound(name: string, failure: string): RoundResult {
	return {
		name,
		acknowledged: 0,
		alreadyVoted: 0,
		failedAttempts: 0,
		retryPasses: 0,
		boxRows: 0,
		rollRows: 0,
		doubledVoters: 0,
		missingReceipts: 0,
		failures: [failure]
	};
}

async function main() {
	const bench = await setUp({
		port,
		voters: 2 * ballots,
		args,
		buildDir: process.env.BUILD_DIR || 'build-bench-budgets',
		kitOutDir: process.env.KIT_OUT_DIR || '.svelte-kit-bench-budgets'
	});
	const results: RoundResult[] = [];
	try {
		const ids = (from: number) => Array.from({ length: ballots }, (_, k) => from + k);
		results.push(await round(bench, 'round A (kill -9 the app)', ids(0), 'app'));
		results.push(await round(bench, 'round B (restart PostgreSQL)', ids(ballots), 'postgres'));
	} finally {
		await bench.cleanups.run();
	}
	console.log('');
	for (const r of results) {
		console.log(
			`${r.name}: ${r.acknowledged} acknowledged, ${r.alreadyVoted} told "already voted" on retry (committed, answer lost), ` +
				`${r.failedAttempts} attempts without an answer, ${r.retryPasses} retry passes; ` +
				`box (cumulative) ${r.boxRows} rows, roll ${r.rollRows} rows, ${r.doubledVoters} voters twice, ` +
				`${r.missingReceipts} acknowledged receipts missing`
		);
		for (const f of r.failures) console.log(`  FAILED: ${f}`);
	}
	const failed = results.some((r) => r.failures.length > 0);
	console.log(failed ? 'crash check FAILED' : 'crash check passed');
	process.exitCode = failed ? 1 : 0;
}

await main();
