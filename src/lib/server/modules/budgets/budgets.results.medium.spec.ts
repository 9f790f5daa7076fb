import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { auditLog } from '../../platform/db/schema.ts';
import { computeResults } from './commands/compute-results.ts';
import { readPabulib } from './pb.ts';
import { recountCommand } from './results-file.ts';
import { fillBox, pabulibEdition } from './results-test-support.ts';
import { budgetsProjects, budgetsResults } from './schema.ts';
import { budgetEdition } from './test-support.ts';

const database = useTestDatabase();
const db = () => database().db;
const pabulib = (name: string) => readFileSync(join('..', 'shared', 'data', 'pabulib', 'pabulib_files', name), 'utf8');
const expected = (name: string) =>
	JSON.parse(readFileSync(join('..', 'shared', 'data', 'pabulib', 'expected', name), 'utf8'));
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'vocea-results-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const staff = () => person(['admin']);
const computed = async (actor: Awaited<ReturnType<typeof staff>>, moduleId: string) => {
	const r = await computeResults(actor, { moduleId });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

/** Runs the published re-count command (from the repo root, as a citizen would) on a file. */
function recount(command: string, text: string, name: string): string[] {
	const path = join(dir, name);
	writeFileSync(path, text);
	const args = command.replace(/^npx vocea-pb /, '').split(' ');
	args[1] = path;
	const out = execFileSync(process.execPath, ['packages/pb/bin/vocea-pb.js', ...args, '--json'], {
		encoding: 'utf8'
	});
	return JSON.parse(out).selected;
}

describe('computeResults reproduces real elections', () => {
	it('greedy: Warszawa 2023 Wesoła funds what the city funded (the file’s selected column)', async () => {
		const admin = await staff();
		const text = pabulib('Poland_Warszawa_2023_Wesola.pb');
		const e = await pabulibEdition(admin, text, {
			settings: { rule: 'greedy', tieBreak: 'file-order', leftoverRule: 'none', maxChoices: 15 }
		});
		const [result] = await computed(admin, e.moduleId);
		const file = readPabulib(text);
		const sel = file.projects.columns.indexOf('selected');
		const id = file.projects.columns.indexOf('project_id');
		const cityFunded = file.projects.rows.filter((r) => r[sel] === '1').map((r) => String(r[id]));
		expect([...result.funded].sort()).toEqual([...cityFunded].sort());
		expect(result.ballots).toBe(1181);
		expect(result.leftoverAction).toBeNull();
		const projects = await db().select().from(budgetsProjects).where(eq(budgetsProjects.moduleId, e.moduleId));
		expect(
			projects
				.filter((p) => p.funded)
				.map((p) => p.code)
				.sort()
		).toEqual([...cityFunded].sort());
		const votesCol = file.projects.columns.indexOf('votes');
		for (const row of file.projects.rows)
			expect(projects.find((p) => p.code === row[id])?.votes).toBe(Number(row[votesCol]));
	});

	it('MES: Dieppe 2018 — the MES phase is pabutools’ reference outcome, then filled up by votes', async () => {
		const admin = await staff();
		const text = pabulib('Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb');
		const e = await pabulibEdition(admin, text, {
			settings: { rule: 'mes', tieBreak: 'lexicographic', leftoverRule: 'none', maxChoices: 16 }
		});
		const [result] = await computed(admin, e.moduleId);
		const ref = expected('Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.json').results.mes_cost_sat;
		expect(result.rule).toBe('mes-greedy');
		expect(result.funded.slice(0, ref.selection_order.length)).toEqual(ref.selection_order);
		// The completion is the engine's, on the original file: the published file changes nothing.
		expect(recount('npx vocea-pb count orig.pb --rule mes-greedy --tie-break lexicographic', text, 'orig.pb')).toEqual(
			result.funded
		);
		expect(result.funded.length).toBeGreaterThan(ref.selection_order.length);
	});
});

describe('computeResults on an edition', () => {
	/** Two pots of 500,000 lei; Z1 projects cost 97,000 / 134,000 / 71,000 / 108,000 / 145,000 / 82,000 lei. */
	async function closedEdition(settings = {}) {
		const admin = await staff();
		const e = await budgetEdition(admin, { stage: 'results', settings: { leftoverRule: 'none', ...settings } });
		const [z1, z2] = e.pots;
		const p = (pot: typeof z1, j: number) => e.projects.find((x) => x.code === `${pot.code}-0${j}`)!.id;
		return { admin, e, z1, z2, p };
	}

	it('counts each pot, funds by votes, and publishes a file whose digest is the sha256 of its bytes', async () => {
		const { admin, e, z1, z2, p } = await closedEdition();
		await fillBox(e.moduleId, [
			{
				choices: [
					{ zoneId: z1.id, projectIds: [p(z1, 1), p(z1, 2)] },
					{ zoneId: z2.id, projectIds: [p(z2, 3)] }
				]
			},
			{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 2), p(z1, 5)] }], channel: 'paper' },
			{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 5), p(z1, 2)] }], channel: 'assisted' },
			{ choices: [{ zoneId: z2.id, projectIds: [p(z2, 3), p(z2, 1)] }] }
		]);
		const results = await computed(admin, e.moduleId);
		const r1 = results.find((r) => r.zoneId === z1.id)!;
		const r2 = results.find((r) => r.zoneId === z2.id)!;
		// Z1: Z1-02 (3 votes, 134,000), Z1-05 (2, 144,999), Z1-01 (1, 97,000); projects without votes are not funded.
		expect(r1.funded).toEqual(['Z1-02', 'Z1-05', 'Z1-01']);
		expect(r1.ballots).toBe(3);
		expect(r1.leftover).toBe(500_000 - 134_000 - 144_999 - 97_000);
		expect(r1.rule).toBe('greedy-threshold');
		expect((r1.outcome as { channels: unknown }).channels).toEqual({ online: 1, paper: 1, assisted: 1 });
		expect(r2.ballots).toBe(2);
		expect(r2.funded).toEqual(['Z2-03', 'Z2-01']);
		expect(r1.ballotsSha256).toBe(sha256(Buffer.from(r1.ballotsFile, 'utf8')));
		expect(r1.ballotsFile).toContain('vote_type;approval');
		const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'budgets.compute_results'));
		expect(audit.resourceId).toBe(e.moduleId);
	});

	it('the published command re-counts the published file to the same funded set', async () => {
		const { admin, e, z1, p } = await closedEdition({ rule: 'mes', tieBreak: 'seed', tieBreakSeed: 20260611 });
		await fillBox(
			e.moduleId,
			Array.from({ length: 40 }, (_, i) => ({
				choices: [{ zoneId: z1.id, projectIds: [p(z1, 1 + (i % 6)), p(z1, 1 + ((i * 7) % 6))] }]
			}))
		);
		const [r1] = (await computed(admin, e.moduleId)).filter((r) => r.zoneId === z1.id);
		const command = `npx vocea-pb count Z1.pb --rule mes-greedy --tie-break seed:20260611`;
		expect(recountCommand({ rule: 'mes', tieBreak: 'seed', tieBreakSeed: 20260611 }, 'Z1.pb')).toBe(command);
		expect(recount(command, r1.ballotsFile, 'Z1.pb')).toEqual(r1.funded);
	});

	it('breaks ties as declared', async () => {
		// Every project gets one vote: only the tie-break orders them.
		const order = async (settings: object) => {
			const { admin, e, z1, p } = await closedEdition(settings);
			await fillBox(e.moduleId, [
				{ choices: [{ zoneId: z1.id, projectIds: [1, 2, 3, 4, 5, 6].map((j) => p(z1, j)) }] }
			]);
			const r = (await computed(admin, e.moduleId)).find((x) => x.zoneId === z1.id)!;
			return r.funded;
		};
		// costs: 01 97,000, 02 134,000, 03 70,999, 04 107,999, 05 144,999, 06 81,998 (pot 500,000)
		expect(await order({ tieBreak: 'min-cost-max-votes' })).toEqual(['Z1-03', 'Z1-06', 'Z1-01', 'Z1-04', 'Z1-02']);
		expect(await order({ tieBreak: 'file-order' })).toEqual(['Z1-01', 'Z1-02', 'Z1-03', 'Z1-04', 'Z1-06']);
		expect(await order({ tieBreak: 'lexicographic' })).toEqual(['Z1-01', 'Z1-02', 'Z1-03', 'Z1-04', 'Z1-06']);
		const seeded = await order({ tieBreak: 'seed', tieBreakSeed: 7 });
		expect(seeded).toEqual(await order({ tieBreak: 'seed', tieBreakSeed: 7 }));
	});

	it('tops up the next project when what it lacks is within the limit, and carries over otherwise', async () => {
		const run = async (settings: object) => {
			const { admin, e, z1, p } = await closedEdition(settings);
			// Z1-05 ×3, Z1-04 and Z1-02 ×2 (the cheaper first), Z1-01 ×1
			await fillBox(e.moduleId, [
				{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 5), p(z1, 2), p(z1, 4)] }] },
				{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 5), p(z1, 2), p(z1, 4)] }] },
				{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 5), p(z1, 1)] }] }
			]);
			return (await computed(admin, e.moduleId)).find((x) => x.zoneId === z1.id)!;
		};
		// 05 + 04 + 02 + 01 = 483,998: 16,002 left and no unfunded project has a vote → carried over / stays.
		const carried = await run({ leftoverRule: 'carry_over' });
		expect(carried.funded).toEqual(['Z1-05', 'Z1-04', 'Z1-02', 'Z1-01']);
		expect(carried.leftover).toBe(16_002);
		expect(carried.leftoverAction).toBe('carry_over');
		const none = await run({ leftoverRule: 'top_up', topUpLimit: 100_000 });
		expect(none.leftoverAction).toBe('top_up_none');
		expect(none.leftover).toBe(16_002);
	});

	it('tops up: the next unfunded project is funded if what it lacks is at most the limit', async () => {
		const run = async (topUpLimit: number) => {
			const admin = await staff();
			const e = await budgetEdition(admin, {
				stage: 'results',
				zones: 1,
				settings: { leftoverRule: 'top_up', topUpLimit }
			});
			const z1 = e.pots[0];
			const p = (j: number) => e.projects.find((x) => x.code === `Z1-0${j}`)!.id;
			// 04, 02, 05 ×3 (cheapest first), 01 ×2, 03 ×1: greedy 04, 02, 05, 01 = 483,998, 16,002 left;
			// Z1-03 (70,999) lacks 54,997.
			await fillBox(e.moduleId, [
				{ choices: [{ zoneId: z1.id, projectIds: [p(5), p(2), p(4), p(1), p(3)] }] },
				{ choices: [{ zoneId: z1.id, projectIds: [p(5), p(2), p(4), p(1)] }] },
				{ choices: [{ zoneId: z1.id, projectIds: [p(5), p(2), p(4)] }] }
			]);
			return (await computed(admin, e.moduleId))[0];
		};
		const topped = await run(60_000);
		expect(topped.funded).toEqual(['Z1-04', 'Z1-02', 'Z1-05', 'Z1-01', 'Z1-03']);
		expect(topped.leftoverAction).toBe('top_up');
		expect(topped.leftover).toBe(0);
		expect((topped.outcome as { topUp: unknown }).topUp).toEqual({ code: 'Z1-03', added: 54_997 });
		const notTopped = await run(50_000);
		expect(notTopped.funded).toEqual(['Z1-04', 'Z1-02', 'Z1-05', 'Z1-01']);
		expect(notTopped.leftover).toBe(16_002);
		expect(notTopped.leftoverAction).toBe('top_up_none');
	});

	it('is idempotent: a second computation, even concurrent, returns the same results and digests', async () => {
		const { admin, e, z1, p } = await closedEdition();
		await fillBox(e.moduleId, [{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 1)] }] }]);
		const [a, b] = await Promise.all([computed(admin, e.moduleId), computed(admin, e.moduleId)]);
		expect(b.map((r) => r.ballotsSha256).sort()).toEqual(a.map((r) => r.ballotsSha256).sort());
		// A ballot arriving later (it cannot, voting is over) would not change the published results.
		await fillBox(e.moduleId, [{ choices: [{ zoneId: z1.id, projectIds: [p(z1, 2)] }] }]);
		const c = await computed(admin, e.moduleId);
		expect(c.map((r) => r.ballotsSha256).sort()).toEqual(a.map((r) => r.ballotsSha256).sort());
		const rows = await db().select().from(budgetsResults).where(eq(budgetsResults.moduleId, e.moduleId));
		expect(rows).toHaveLength(2);
		const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'budgets.compute_results'));
		expect(audits).toHaveLength(1);
	});
});
