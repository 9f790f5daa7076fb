/**
 * Reads of an edition's published results: the results page (per pot funded and unfunded projects with the engine's
 * explanation, leftover, the ballots file with its digest and re-count command; turnout per pot and by channel),
 * the published ballots files, and the receipt check against them.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { numberFormat } from '../../../i18n/format.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { normaliseReceipt, receiptHash } from './receipt.ts';
import { explainProject, type Explained } from './results-explain.ts';
import { ballotsFileName, ballotsFileUrl, recountCommand, type Channel, type StoredOutcome } from './results-file.ts';
import { budgetsBallots, budgetsProjects, budgetsResults, budgetsVoters, budgetsZones } from './schema.ts';
import type { BudgetsGlobalSettings } from './settings.ts';

export { ballotsFileUrl, resultsUrl, type StoredOutcome } from './results-file.ts';

async function readable(actor: Actor, moduleId: string, spaceSlug?: string) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (spaceSlug !== undefined && ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'read', ctx));
	return { db, ctx, instance };
}

/** Each pot with its result (null before results), in pot order. */
export async function potResults(db: Db, moduleId: string) {
	return db
		.select({ pot: budgetsZones, result: budgetsResults })
		.from(budgetsZones)
		.leftJoin(budgetsResults, eq(budgetsResults.zoneId, budgetsZones.id))
		.where(eq(budgetsZones.moduleId, moduleId))
		.orderBy(asc(budgetsZones.position), asc(budgetsZones.code));
}

/** People on the voter roll per channel (turnout counts people, not casts). */
export async function votersByChannel(db: Db, moduleId: string): Promise<Record<Channel, number>> {
	const rows = await db
		.select({ channel: budgetsVoters.channel, n: count() })
		.from(budgetsVoters)
		.where(eq(budgetsVoters.moduleId, moduleId))
		.groupBy(budgetsVoters.channel);
	const out = { online: 0, assisted: 0, paper: 0 };
	for (const r of rows) if (r.channel in out) out[r.channel as Channel] = Number(r.n);
	return out;
}

export async function viewResults(
	actor: Actor,
	{ spaceSlug, moduleId, locale }: { spaceSlug: string; moduleId: string; locale: string }
) {
	const { db, ctx, instance } = await readable(actor, moduleId, spaceSlug);
	const fmt = numberFormat(locale, { maximumFractionDigits: 2 });
	const format = (lei: number) => fmt.format(lei);
	const [pots, projects, roll] = await Promise.all([
		potResults(db, moduleId),
		db.select().from(budgetsProjects).where(eq(budgetsProjects.moduleId, moduleId)).orderBy(asc(budgetsProjects.code)),
		votersByChannel(db, moduleId)
	]);
	const titleOf = new Map(projects.map((p) => [p.code, p.title]));
	const title = (code: string) => `${code} ${titleOf.get(code) ?? ''}`.trim();
	const published = pots.length > 0 && pots.every((p) => p.result);
	return {
		edition: { moduleId, title: instance.title, spaceSlug: ctx.space.slug },
		settings: publicSettings(ctx.settings),
		published,
		roll,
		voters: roll.online + roll.assisted + roll.paper,
		pots: pots.map(({ pot, result }) => {
			if (!result) return { pot, result: null, projects: [] };
			const stored = result.outcome as unknown as StoredOutcome;
			const byCode = new Map(stored.engine.explanations.map((x) => [x.id, x]));
			const rows = projects
				.filter((p) => byCode.has(p.code))
				.map((p) => {
					const x = byCode.get(p.code)!;
					const explained: Explained = explainProject(x, { topUp: stored.topUp, format, title });
					return {
						id: p.id,
						code: p.code,
						title: p.title,
						cost: Number(x.cost),
						votes: stored.votes[p.code] ?? 0,
						funded: result.funded.includes(p.code),
						explanation: explained
					};
				})
				.sort((a, b) => rankOf(stored, a.code) - rankOf(stored, b.code));
			return {
				pot,
				result: {
					rule: result.rule,
					tieBreak: result.tieBreak,
					funded: result.funded,
					spent: rows.filter((r) => r.funded).reduce((s, r) => s + r.cost, 0),
					leftover: result.leftover,
					leftoverAction: result.leftoverAction,
					topUp: stored.topUp,
					ballots: result.ballots,
					channels: { online: 0, assisted: 0, paper: 0, ...stored.channels },
					sha256: result.ballotsSha256,
					fileName: ballotsFileName(pot.code),
					fileUrl: ballotsFileUrl(ctx.space.slug, moduleId, pot.code),
					command: recountCommand(ctx.settings, ballotsFileName(pot.code)),
					computedAt: result.computedAt
				},
				projects: rows
			};
		})
	};
}

/** Funded projects in selection order first, then the rest by votes (the greedy ranking). */
function rankOf(stored: StoredOutcome, code: string) {
	const funded = [...stored.selected, ...(stored.topUp ? [stored.topUp.code] : [])].indexOf(code);
	return funded >= 0 ? funded : 10_000 + stored.ranking.indexOf(code);
}

const publicSettings = (s: BudgetsGlobalSettings) => ({
	rule: s.rule,
	tieBreak: s.tieBreak,
	tieBreakSeed: s.tieBreakSeed,
	leftoverRule: s.leftoverRule,
	topUpLimit: s.topUpLimit,
	ballotKind: s.ballotKind
});

/** The published ballots file of a pot, exactly the bytes its digest was computed on; null before results. */
export async function publishedBallotsFile(
	actor: Actor,
	{ spaceSlug, moduleId, potCode }: { spaceSlug: string; moduleId: string; potCode: string }
) {
	const { db } = await readable(actor, moduleId, spaceSlug);
	const [row] = await db
		.select({ text: budgetsResults.ballotsFile, sha256: budgetsResults.ballotsSha256 })
		.from(budgetsResults)
		.innerJoin(budgetsZones, eq(budgetsZones.id, budgetsResults.zoneId))
		.where(and(eq(budgetsResults.moduleId, moduleId), eq(budgetsZones.code, potCode)));
	if (!row) throw new NotFoundError('ballots_file');
	return { fileName: ballotsFileName(potCode), text: row.text, sha256: row.sha256 };
}

export type ReceiptCheck =
	| { found: false }
	| {
			found: true;
			publicId: string;
			lines: { potCode: string; fileName: string; fileUrl: string; line: number; text: string; projects: string[] }[];
	  };

/**
 * A voter checks with their receipt code that their ballot is in the published files: the code gives the ballot's
 * voter id (from the box, by the code's hash), and each file is searched for that id's line.
 */
export async function checkReceipt(
	actor: Actor,
	{ spaceSlug, moduleId, code }: { spaceSlug: string; moduleId: string; code: string }
): Promise<ReceiptCheck> {
	const { db, ctx } = await readable(actor, moduleId, spaceSlug);
	const canonical = normaliseReceipt(code);
	if (!canonical) return { found: false };
	const [ballot] = await db
		.select({ publicId: budgetsBallots.publicId })
		.from(budgetsBallots)
		.where(and(eq(budgetsBallots.moduleId, moduleId), eq(budgetsBallots.receiptHash, receiptHash(canonical))));
	if (!ballot) return { found: false };
	const pots = await potResults(db, moduleId);
	const projects = await db
		.select({ code: budgetsProjects.code, title: budgetsProjects.title })
		.from(budgetsProjects)
		.where(eq(budgetsProjects.moduleId, moduleId));
	const titleOf = new Map(projects.map((p) => [p.code, p.title]));
	const lines: Extract<ReceiptCheck, { found: true }>['lines'] = [];
	for (const { pot, result } of pots) {
		if (!result) continue;
		const fileLines = result.ballotsFile.split('\n');
		const index = fileLines.findIndex((l) => l.startsWith(`${ballot.publicId};`));
		if (index < 0) continue;
		const codes = fileLines[index].split(';')[1].split(',');
		lines.push({
			potCode: pot.code,
			fileName: ballotsFileName(pot.code),
			fileUrl: ballotsFileUrl(ctx.space.slug, moduleId, pot.code),
			line: index + 1,
			text: fileLines[index],
			projects: codes.map((c) => `${c} ${titleOf.get(c) ?? ''}`.trim())
		});
	}
	return { found: true, publicId: ballot.publicId, lines };
}

/** Admin: whether results can be computed now, and what was published. */
export async function manageResults(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'manage', ctx));
	const pots = await potResults(db, moduleId);
	return {
		space: { id: ctx.space.id, slug: ctx.space.slug },
		module: { id: moduleId, title: instance.title },
		canCompute: canBudgets(actor, 'compute_results', ctx).allowed,
		computed: pots.length > 0 && pots.every((p) => p.result),
		pots: pots.map(({ pot, result }) => ({
			code: pot.code,
			name: pot.name,
			ballots: result?.ballots ?? null,
			funded: result?.funded ?? null,
			sha256: result?.ballotsSha256 ?? null
		}))
	};
}
