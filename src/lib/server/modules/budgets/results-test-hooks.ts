/**
 * For e2e stories only (called from `/test-hooks/budgets/results`, which answers only when test hooks are on): an
 * edition whose voting is over (results stage), two pots with projects on the ballot and ballots in the box on every
 * channel; returns one ballot's receipt code, as the voter got it.
 */
import { getDb } from '../../platform/db/index.ts';
import { publishedEditionForTests } from './test-hook-edition.ts';
import { changeKeyOf, formatReceipt, newReceiptCode, publicIdOf, receiptHash } from './receipt.ts';
import { budgetsBallots, budgetsProjects, budgetsZones } from './schema.ts';

export async function createCountableEditionForTests() {
	const db = await getDb();
	const { process, moduleId } = await publishedEditionForTests({
		label: 'rezultate',
		summary: 'Votul s-a încheiat; urmează rezultatele.',
		phaseTitle: 'Rezultate',
		stage: 'results',
		from: -3,
		to: 30,
		settings: { rule: 'greedy', tieBreak: 'min-cost-max-votes', leftoverRule: 'top_up', topUpLimit: 100_000 }
	});
	const pots = await db
		.insert(budgetsZones)
		.values([
			{
				moduleId,
				code: 'Z1',
				name: { ro: 'Zona Cetate', en: 'Cetate area' },
				budget: 500_000,
				population: 20_000,
				position: 1
			},
			{
				moduleId,
				code: 'Z2',
				name: { ro: 'Zona Fabric', en: 'Fabric area' },
				budget: 500_000,
				population: 25_000,
				position: 2
			}
		])
		.returning();
	const titles = ['Loc de joacă', 'Piste de biciclete', 'Bănci și umbră', 'Fântână de băut', 'Grădină comunitară'];
	const costs = [180_000, 150_000, 90_000, 85_000, 140_000];
	const projects: (typeof budgetsProjects.$inferSelect)[] = [];
	for (const pot of pots)
		for (const [i, name] of titles.entries())
			projects.push(
				(
					await db
						.insert(budgetsProjects)
						.values({
							moduleId,
							zoneId: pot.id,
							code: `${pot.code}-0${i + 1}`,
							title: `${name} ${pot.code}`,
							body: 'Un proiect pentru cartier.',
							estimatedCost: costs[i],
							cityCost: costs[i],
							eligibility: 'eligible',
							evaluation: 'feasible'
						})
						.returning()
				)[0]
			);
	const id = (pot: number, j: number) => projects[pot * titles.length + j - 1].id;
	// Z1: 01 ×5, 02 ×4, 03 ×3, 05 ×2, 04 ×1 → greedy funds 01, 02, 03 (420,000), 80,000 left; neither 05 (140,000)
	// nor 04 (85,000) fits; 05 is next by votes and lacks 60,000 ≤ 100,000: the leftover rule tops it up.
	// Z2: 04 and 03 ×2, then 05, 02, 01 ×1 → 04, 03, 05, 02 funded (465,000), 01 does not fit.
	const plan: { channel: string; choices: { zoneId: string; projectIds: string[] }[] }[] = [
		...Array.from({ length: 3 }, () => ({
			channel: 'online',
			choices: [{ zoneId: pots[0].id, projectIds: [id(0, 1), id(0, 2), id(0, 3)] }]
		})),
		{ channel: 'assisted', choices: [{ zoneId: pots[0].id, projectIds: [id(0, 1), id(0, 5)] }] },
		{ channel: 'paper', choices: [{ zoneId: pots[0].id, projectIds: [id(0, 1), id(0, 2), id(0, 5)] }] },
		{
			channel: 'online',
			choices: [
				{ zoneId: pots[0].id, projectIds: [id(0, 4)] },
				{ zoneId: pots[1].id, projectIds: [id(1, 1)] }
			]
		},
		...Array.from({ length: 2 }, () => ({
			channel: 'online',
			choices: [{ zoneId: pots[1].id, projectIds: [id(1, 4), id(1, 3)] }]
		})),
		{ channel: 'paper', choices: [{ zoneId: pots[1].id, projectIds: [id(1, 2)] }] },
		{ channel: 'online', choices: [{ zoneId: pots[1].id, projectIds: [id(1, 5)] }] }
	];
	const codes: string[] = [];
	await db.insert(budgetsBallots).values(
		plan.map((b) => {
			const code = newReceiptCode();
			codes.push(code);
			return {
				moduleId,
				channel: b.channel,
				choices: b.choices,
				receiptHash: receiptHash(code),
				changeKey: b.channel === 'paper' ? null : changeKeyOf(code, `e2e-${code}`),
				publicId: publicIdOf(code)
			};
		})
	);
	return {
		spaceId: process.id,
		slug: process.slug,
		moduleId,
		receipt: formatReceipt(codes[3]),
		receiptPublicId: publicIdOf(codes[3])
	};
}
