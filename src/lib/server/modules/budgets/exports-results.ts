/**
 * Open-data exports of counted editions: results per pot and project, turnout per pot and channel, and the published
 * Pabulib ballots files (one row per pot with its link, digest and re-count command). No personal data: the files
 * hold random voter ids derived from receipts, never people.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { OpenDataExport } from '../../platform/modules/define-module.ts';
import { ballotsFileName, ballotsFileUrl, channels, recountCommand, type StoredOutcome } from './results-file.ts';
import { budgetsProjects, budgetsResults, budgetsZones } from './schema.ts';
import { budgetsGlobalSettings } from './settings.ts';

async function counted(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			result: budgetsResults,
			pot: budgetsZones,
			spaceSlug: spaces.slug,
			settings: moduleInstances.settings
		})
		.from(budgetsResults)
		.innerJoin(budgetsZones, eq(budgetsZones.id, budgetsResults.zoneId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsResults.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(budgetsResults.moduleId, moduleIds))
		.orderBy(asc(spaces.slug), asc(budgetsZones.position), asc(budgetsZones.code));
}

const common = [
	{ name: 'process', description: 'URL slug of the process (the edition).' },
	{ name: 'edition', description: 'Identifier of the edition (budgets module).' },
	{ name: 'pot', description: 'Code of the pot (zone or city-wide), e.g. Z3.' }
];

export const resultsExport: OpenDataExport = {
	name: 'budgets_results',
	description: 'Results of participatory-budgeting editions, one row per pot and project on the ballot.',
	columns: [
		...common,
		{ name: 'pot_budget_lei', description: 'Budget of the pot, in lei.' },
		{ name: 'rule', description: 'Counting rule of the PB engine (vocea-pb --rule).' },
		{ name: 'tie_break', description: 'Tie-breaking rule (vocea-pb --tie-break).' },
		{ name: 'code', description: 'Project code (its id in the ballots file).' },
		{ name: 'title', description: 'Project title, as written by its author.' },
		{ name: 'cost_lei', description: 'Cost used in the count (city estimate, else the author’s), in lei.' },
		{ name: 'votes', description: 'Votes (points for cumulative ballots).' },
		{ name: 'funded', description: 'Whether the project is funded.' },
		{ name: 'selection_order', description: 'Position in the order of selection (1 = first funded), or empty.' },
		{ name: 'reason', description: 'The engine’s reason code: funded, does-not-fit, unaffordable, top-up, …' }
	],
	async rows(db, moduleIds) {
		const rows = await counted(db, moduleIds);
		if (!rows.length) return [];
		const projects = await db
			.select({ code: budgetsProjects.code, title: budgetsProjects.title, moduleId: budgetsProjects.moduleId })
			.from(budgetsProjects)
			.where(inArray(budgetsProjects.moduleId, moduleIds));
		const titleOf = new Map(projects.map((p) => [`${p.moduleId}:${p.code}`, p.title]));
		return rows.flatMap(({ result, pot, spaceSlug }) => {
			const stored = result.outcome as unknown as StoredOutcome;
			return stored.engine.explanations.map((x) => {
				const order = result.funded.indexOf(x.id);
				return {
					process: spaceSlug,
					edition: result.moduleId,
					pot: pot.code,
					pot_budget_lei: pot.budget,
					rule: result.rule,
					tie_break: result.tieBreak,
					code: x.id,
					title: titleOf.get(`${result.moduleId}:${x.id}`) ?? x.id,
					cost_lei: Number(x.cost),
					votes: stored.votes[x.id] ?? 0,
					funded: order >= 0,
					selection_order: order >= 0 ? order + 1 : null,
					reason: stored.topUp?.code === x.id ? 'top-up' : x.reason
				};
			});
		});
	}
};

export const turnoutExport: OpenDataExport = {
	name: 'budgets_turnout',
	description: 'Turnout of participatory-budgeting editions: ballots counted per pot and voting channel.',
	columns: [
		...common,
		{ name: 'channel', description: 'online, assisted (at a desk, helped by staff) or paper.' },
		{ name: 'ballots', description: 'Ballots of this channel with a choice counted in the pot.' },
		{ name: 'pot_ballots', description: 'All ballots counted in the pot.' },
		{ name: 'population', description: 'Residents of the pot’s zone, or empty when unknown.' }
	],
	async rows(db, moduleIds) {
		return (await counted(db, moduleIds)).flatMap(({ result, pot, spaceSlug }) => {
			const stored = result.outcome as unknown as StoredOutcome;
			return channels.map((channel) => ({
				process: spaceSlug,
				edition: result.moduleId,
				pot: pot.code,
				channel,
				ballots: stored.channels?.[channel] ?? 0,
				pot_ballots: result.ballots,
				population: pot.population
			}));
		});
	}
};

export const ballotsExport: OpenDataExport = {
	name: 'budgets_ballots',
	description:
		'The published ballots of participatory-budgeting editions as Pabulib files (one row per pot: link, SHA-256, re-count command). Voter ids are random, derived from receipts.',
	columns: [
		...common,
		{ name: 'file_url', description: 'Path of the Pabulib (.pb) file on the site.' },
		{ name: 'sha256', description: 'SHA-256 of the file, fixed when results were computed.' },
		{ name: 'ballots', description: 'Ballots (VOTES rows) in the file.' },
		{ name: 'recount_command', description: 'The command that re-counts the file with the PB engine.' }
	],
	async rows(db, moduleIds) {
		return (await counted(db, moduleIds)).map(({ result, pot, spaceSlug, settings }) => ({
			process: spaceSlug,
			edition: result.moduleId,
			pot: pot.code,
			file_url: ballotsFileUrl(spaceSlug, result.moduleId, pot.code),
			sha256: result.ballotsSha256,
			ballots: result.ballots,
			recount_command: recountCommand(budgetsGlobalSettings.parse(settings ?? {}), ballotsFileName(pot.code))
		}));
	}
};

export const resultsExports = [resultsExport, turnoutExport, ballotsExport];
