/** The JSON API's schemas for participatory-budgeting editions, their results and published ballots files. */
import { z } from 'zod';
import { ApiText } from '../../platform/spaces/api-schemas.ts';
import { budgetStages } from './settings.ts';

const stage = z.enum(budgetStages);

export const ApiBudgetPot = z
	.object({
		code: z.string().meta({ description: 'Pot code, e.g. Z3; the ballots file of the pot is `<code>.pb`.' }),
		name: ApiText,
		zoneId: z.string().nullable().meta({ description: 'The platform zone of the pot; null for the city-wide pot.' }),
		budgetLei: z.number().int(),
		population: z.number().int().nullable()
	})
	.meta({ id: 'BudgetPot' });

export const ApiBudgetEdition = z
	.object({
		id: z.string().meta({ description: 'The edition (budgets module) id.' }),
		title: ApiText,
		process: z.object({ id: z.string(), slug: z.string(), title: ApiText }),
		url: z.string().meta({ description: 'Path of the edition page.' }),
		state: stage.meta({ description: 'Stage of the current phase (information … implementation).' }),
		phases: z.array(
			z.object({
				id: z.string(),
				title: ApiText,
				startsOn: z.iso.date(),
				endsOn: z.iso.date(),
				stage: stage.nullable()
			})
		),
		rules: z.object({
			ballotKind: z.enum(['approval', 'knapsack', 'cumulative', 'ranking']),
			maxChoices: z.number().int(),
			rule: z.enum(['greedy', 'mes']),
			engineRule: z.string().meta({ description: 'The `vocea-pb` rule the edition counts with.' }),
			tieBreak: z.string().meta({ description: 'The `vocea-pb --tie-break` value (e.g. seed:20260611).' }),
			leftoverRule: z.enum(['none', 'top_up', 'carry_over']),
			topUpLimitLei: z.number().int()
		}),
		pots: z.array(ApiBudgetPot),
		results_url: z.string().nullable().meta({ description: 'The results JSON; null until results are published.' }),
		ballots_url: z.string().nullable().meta({ description: 'The list of ballots files; null until published.' }),
		ballots_sha256: z
			.record(z.string(), z.string())
			.nullable()
			.meta({ description: 'SHA-256 (hex) of each pot’s ballots file, by pot code; fixed when results are computed.' }),
		recount_commands: z
			.record(z.string(), z.string())
			.nullable()
			.meta({ description: 'By pot code: the exact command that re-counts the pot’s ballots file.' })
	})
	.meta({ id: 'BudgetEdition' });

export const ApiBudgetEditionList = z.object({ data: z.array(ApiBudgetEdition) }).meta({ id: 'BudgetEditionList' });

export const ApiBudgetBallotsFile = z
	.object({
		pot: z.string(),
		fileName: z.string(),
		url: z.string().meta({ description: 'Path of the Pabulib file (text/plain).' }),
		sha256: z.string(),
		ballots: z.number().int(),
		command: z.string()
	})
	.meta({ id: 'BudgetBallotsFile' });

export const ApiBudgetBallots = z.object({ data: z.array(ApiBudgetBallotsFile) }).meta({ id: 'BudgetBallots' });

export const ApiBudgetPotResult = z
	.object({
		pot: z.string(),
		name: ApiText,
		budgetLei: z.number().int(),
		rule: z.string().meta({ description: 'The engine rule (`vocea-pb --rule`).' }),
		tieBreak: z.string(),
		funded: z
			.array(z.string())
			.meta({ description: 'Funded project codes (= project ids in the ballots file), in selection order.' }),
		selected: z
			.array(z.string())
			.meta({ description: 'What the counting rule selected: exactly what the re-count command prints.' }),
		topUp: z
			.object({ code: z.string(), addedLei: z.number().int() })
			.nullable()
			.meta({ description: 'A project funded by the leftover rule after the count (not in `selected`).' }),
		leftoverLei: z.number().int(),
		leftoverAction: z.enum(['top_up', 'top_up_none', 'carry_over']).nullable(),
		ballots: z.number().int(),
		ballotsFile: z.string(),
		sha256: z.string(),
		command: z.string(),
		projects: z.array(
			z.object({
				code: z.string(),
				title: z.string(),
				costLei: z.number().int(),
				votes: z.number().int().meta({ description: 'Votes (points for cumulative ballots).' }),
				funded: z.boolean(),
				reason: z.string().meta({ description: 'The engine’s reason code (funded, does-not-fit, unaffordable, …).' })
			})
		)
	})
	.meta({ id: 'BudgetPotResult' });

export const ApiBudgetResults = z
	.object({ edition: z.string(), computedAt: z.iso.datetime(), data: z.array(ApiBudgetPotResult) })
	.meta({ id: 'BudgetResults' });
