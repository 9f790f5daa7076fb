/**
 * Benchmark of the PB engine on the largest Pabulib files (a benchmark, not a test; prints numbers).
 * Run: node_modules/.bin/node bench/pb/run.ts [file.pb …]   (default: the files named in docs/PERFORMANCE.md)
 * Each measurement runs in a fresh child process so that peak memory (max RSS) is per task.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = process.env.PABULIB_DIR ?? fileURLToPath(new URL('../../../shared/data/pabulib/', import.meta.url));
const DEFAULT = [
	'Poland_Lodz_2022',
	'Poland_Warszawa_2026',
	'Poland_Warszawa_2023_Mokotow',
	'Poland_Krakow_2024',
	'Poland_Wroclaw_2015_150_-_500'
];
const TASKS = ['parse', 'greedy', 'mes', 'mes-add1', 'mes-add1-budget'] as const;

if (process.argv[2] === '--child') {
	const [, , , file, task] = process.argv;
	const { parseElection } = await import('../../packages/pb/src/election.ts');
	const { count } = await import('../../packages/pb/src/count.ts');
	const text = readFileSync(file, 'utf8');
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const cpu = () => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	const c0 = cpu();
	const t0 = performance.now();
	const e = parseElection(text);
	const t1 = performance.now();
	const c1 = cpu();
	let detail = '';
	if (task !== 'parse') {
		const rule = task === 'greedy' ? 'greedy' : task === 'mes' ? 'mes' : 'mes-add1';
		const o = count(e, { rule, add1Stop: task === 'mes-add1-budget' ? 'budget' : 'exhaustive', explain: false });
		detail = `${o.selected.length} funded, endowment ${(o.details as { endowment?: string }).endowment ?? '-'}, add1 steps ${(o.details as { add1Steps?: number }).add1Steps ?? '-'}`;
	}
	const t2 = performance.now();
	const c2 = cpu();
	peak = Math.max(peak, process.memoryUsage().rss);
	clearInterval(timer);
	process.stdout.write(
		JSON.stringify({
			parse: t1 - t0,
			rule: t2 - t1,
			parseCpu: c1 - c0,
			ruleCpu: c2 - c1,
			peakMB: peak / 2 ** 20,
			voters: e.numVoters,
			projects: e.projects.length,
			detail
		}) + '\n'
	);
} else {
	const names = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
	console.log(`node ${process.version}, ${new Date().toISOString()}`);
	console.log('file | voters × projects | task | parse ms wall (cpu) | rule ms wall (cpu) | peak RSS MB | result');
	for (const name of names) {
		const file = name.endsWith('.pb') ? name : `${DATA}pabulib_files/${name}.pb`;
		if (!existsSync(file)) {
			console.log(`${name}: missing`);
			continue;
		}
		for (const task of TASKS) {
			const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file, task], {
				encoding: 'utf8'
			});
			if (r.status !== 0) {
				console.log(`${name} ${task}: failed ${r.stderr}`);
				continue;
			}
			const m = JSON.parse(r.stdout);
			console.log(
				`${name} | ${m.voters} × ${m.projects} | ${task} | ${m.parse.toFixed(0)} (${m.parseCpu.toFixed(0)}) | ${task === 'parse' ? '-' : `${m.rule.toFixed(0)} (${m.ruleCpu.toFixed(0)})`} | ${m.peakMB.toFixed(0)} | ${m.detail}`
			);
		}
	}
}
