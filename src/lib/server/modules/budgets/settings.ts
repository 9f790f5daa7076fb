/**
 * Settings of the `budgets` module (one module instance = one participatory-budgeting edition): who may submit
 * ideas, the ballot design, who may vote, how results are counted (global); and the edition's stage in each phase.
 * Zones, pots and categories are tables (schema.ts), not settings.
 */
import { z } from 'zod';

/** The stages of an edition, in order; each process phase declares which stage it is. */
export const budgetStages = [
	'information',
	'ideas',
	'eligibility',
	'evaluation',
	'appeals',
	'voting',
	'results',
	'implementation'
] as const;
export type BudgetStage = (typeof budgetStages)[number];

export const budgetsGlobalSettings = z.object({
	/** Who may submit ideas besides verified citizens: NGOs and companies with a seat in the city. */
	organisationsMaySubmit: z.boolean().default(true),
	companiesMaySubmit: z.boolean().default(true),
	/** Photos an idea may carry. */
	maxPhotos: z.number().int().min(0).max(10).default(4),
	/**
	 * approval: up to maxChoices projects; knapsack: projects whose total cost fits the pot; cumulative: spread
	 * `points` over projects (at most maxPointsPerProject each); ranking: order up to maxChoices projects.
	 */
	ballotKind: z.enum(['approval', 'knapsack', 'cumulative', 'ranking']).default('approval'),
	maxChoices: z.number().int().min(1).max(50).default(5),
	/** Whether maxChoices (and the knapsack budget) apply per pot or to the whole ballot across pots. */
	ballotScope: z.enum(['per_zone', 'across_zones']).default('across_zones'),
	points: z.number().int().min(1).max(1000).default(10),
	maxPointsPerProject: z.number().int().min(1).max(1000).default(5),
	/**
	 * Which zone pots a voter may vote in: the zone they live in, any one zone of their choice, or all. The city-wide
	 * pot (if the edition has one) is open to every voter besides that.
	 */
	voterZones: z.enum(['residence', 'choice', 'all']).default('choice'),
	/** Youngest age allowed to vote (Timișoara: 16). */
	minAge: z.number().int().min(14).max(18).default(16),
	/**
	 * Accepted proofs of identity to vote (any one suffices; at least one must be on): a phone confirmed by SMS code
	 * (Timișoara's practice), a census match (the `residence` verification), an in-person check at a desk.
	 */
	acceptPhone: z.boolean().default(true),
	acceptCensus: z.boolean().default(true),
	acceptInPerson: z.boolean().default(true),
	/** Age and residence ("lives, works or studies in the city"): a declaration on the ballot, or a verification. */
	ageProof: z.enum(['declaration', 'verification']).default('declaration'),
	residenceProof: z.enum(['declaration', 'verification']).default('declaration'),
	/** The ballot may be changed until voting closes; the last one counts. */
	ballotChangeAllowed: z.boolean().default(true),
	/** Counting rule (PB engine `packages/pb`): greedy by votes, or the Method of Equal Shares. */
	rule: z.enum(['greedy', 'mes']).default('greedy'),
	/** Tie-breaking declared in advance: lowest cost first, project order on the ballot, or a lottery with a seed. */
	tieBreak: z.enum(['min-cost-max-votes', 'file-order', 'lexicographic', 'seed']).default('min-cost-max-votes'),
	tieBreakSeed: z.number().int().min(0).max(2_147_483_647).default(0),
	/**
	 * What happens to money a pot leaves unspent: nothing; top_up: the next unfunded project (by the rule's order)
	 * is funded if what it lacks is at most `topUpLimit` lei (Timișoara 2023: 100,000 lei); carry_over: the
	 * leftover is recorded as carried to the next edition.
	 */
	leftoverRule: z.enum(['none', 'top_up', 'carry_over']).default('top_up'),
	topUpLimit: z.number().int().min(0).max(100_000_000).default(100_000),
	/** Days after an eligibility or evaluation decision during which the author may appeal (within the appeals stage). */
	appealDays: z.number().int().min(1).max(60).default(7),
	/** Address of the published rules document (the council decision), shown with the edition. */
	rulesUrl: z.string().max(500).default('')
});

export const budgetsPhaseSettings = z.object({
	/** The stage this phase is in: it drives what citizens and staff can do. */
	stage: z.enum(budgetStages).default('information'),
	/** Comments on projects: enabled, blocked (read only) or hidden. */
	comments: z.enum(['enabled', 'blocked', 'hidden']).default('enabled')
});

export type BudgetsGlobalSettings = z.infer<typeof budgetsGlobalSettings>;
export type BudgetsPhaseSettings = z.infer<typeof budgetsPhaseSettings>;
