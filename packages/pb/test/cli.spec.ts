import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 }); // correctness tests; the machine may be shared
import { hasData, PABULIB_DIR } from './data.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('vocea-pb CLI', () => {
	it('--help exits 0; bad usage exits 2; bad file exits 1 with file, line and reason', () => {
		expect(run('--help').status).toBe(0);
		expect(run('count').status).toBe(2);
		const dir = mkdtempSync(join(tmpdir(), 'pb-'));
		const bad = join(dir, 'bad.pb');
		writeFileSync(bad, 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;9\n');
		const r = run('check', bad);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('bad.pb:9: vote names unknown project "9"');
		expect(run('count', bad, '--rule', 'nope').status).toBe(2);
	});
	it.skipIf(!hasData)('count --json prints the stable interface; convert round-trips', () => {
		const file = `${PABULIB_DIR}pabulib_files/Netherlands_Assen_2024.pb`;
		const r = run(
			'count',
			file,
			'--rule',
			'mes-add1',
			'--utility',
			'cost',
			'--tie-break',
			'min-cost-max-votes',
			'--add1-stop',
			'exhaustive',
			'--json'
		);
		expect(r.status).toBe(0);
		const o = JSON.parse(r.stdout);
		expect(o.rule).toBe('mes-add1');
		expect([...o.selected].sort()).toEqual(['11', '12', '13', '14', '2', '3', '5', '6', '9']);
		expect(o.total_cost).toBe('76700');
		expect(o.explanations).toHaveLength(14);
		const dir = mkdtempSync(join(tmpdir(), 'pb-'));
		expect(run('convert', file, join(dir, 'a.json')).status).toBe(0);
		expect(run('convert', join(dir, 'a.json'), join(dir, 'b.pb')).status).toBe(0);
		const again = JSON.parse(run('count', join(dir, 'b.pb'), '--rule', 'mes-add1', '--json').stdout);
		expect(again.selected).toEqual(o.selected);
	});
});
