/**
 * Medium-test helpers for results: fill an edition's ballot box directly (the voting commands are tested on their
 * own), and load a real Pabulib election into an edition (one pot, its projects and its ballots).
 */
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { readPabulib } from './pb.ts';
import { changeKeyOf, formatReceipt, newReceiptCode, publicIdOf, receiptHash } from './receipt.ts';
import { budgetsBallots, budgetsProjects, budgetsZones, type BallotChoice } from './schema.ts';
import { budgetEdition, type EditionSetup } from './test-support.ts';

export interface BoxBallot {
	choices: BallotChoice[];
	channel?: 'online' | 'assisted' | 'paper';
	publicId?: string;
}

/** Puts ballots into the box; returns their receipt codes (as shown to voters) and public ids. */
export async function fillBox(moduleId: string, ballots: BoxBallot[]) {
	const db = await getDb();
	const out: { code: string; publicId: string }[] = [];
	const rows = ballots.map((b) => {
		const code = newReceiptCode();
		const publicId = b.publicId ?? publicIdOf(code);
		out.push({ code: formatReceipt(code), publicId });
		return {
			moduleId,
			channel: b.channel ?? 'online',
			choices: b.choices,
			receiptHash: receiptHash(code),
			changeKey: b.channel === 'paper' ? null : changeKeyOf(code, `test-voter-${publicId}`),
			publicId
		};
	});
	for (let i = 0; i < rows.length; i += 500) await db.insert(budgetsBallots).values(rows.slice(i, i + 500));
	return out;
}

/** An edition with one pot holding a real Pabulib election: project ids become codes, voter ids public ids. */
export async function pabulibEdition(admin: Actor, text: string, setup: EditionSetup = {}) {
	const db = await getDb();
	const file = readPabulib(text);
	const meta = new Map(file.meta);
	const edition = await budgetEdition(admin, { zones: 0, projectsPerZone: 0, stage: 'results', ...setup });
	const [pot] = await db
		.insert(budgetsZones)
		.values({
			moduleId: edition.moduleId,
			code: 'P1',
			name: { ro: String(meta.get('subunit') ?? 'P1') },
			budget: Number(meta.get('budget')),
			position: 1
		})
		.returning();
	const col = (name: string) => file.projects.columns.indexOf(name);
	const idOf = new Map<string, string>();
	for (const row of file.projects.rows) {
		const code = String(row[col('project_id')]);
		const [p] = await db
			.insert(budgetsProjects)
			.values({
				moduleId: edition.moduleId,
				zoneId: pot.id,
				code,
				title: String(row[col('name')] ?? code),
				body: '-',
				estimatedCost: Number(row[col('cost')]),
				eligibility: 'eligible',
				evaluation: 'feasible'
			})
			.returning();
		idOf.set(code, p.id);
	}
	const vc = (name: string) => file.votes.columns.indexOf(name);
	const ballots: BoxBallot[] = file.votes.rows.map((row) => {
		const codes = String(row[vc('vote')]).split(',');
		const points = vc('points') >= 0 ? String(row[vc('points')]).split(',').map(Number) : undefined;
		return {
			publicId: String(row[vc('voter_id')]).padStart(8, '0'),
			choices: [{ zoneId: pot.id, projectIds: codes.map((c) => idOf.get(c)!), ...(points ? { points } : {}) }]
		};
	});
	await fillBox(edition.moduleId, ballots);
	return { ...edition, pot, idOf, file };
}
