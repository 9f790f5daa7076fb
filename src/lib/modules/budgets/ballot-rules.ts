/**
 * The rules of a participatory-budgeting ballot, without the database: is a set of choices valid for the edition's
 * ballot design, pots, projects on the ballot and the pots this voter may vote in; and the live summary (chosen N of
 * K, money left per pot, points left). Pure and browser-safe: the vote page runs it on the server (JavaScript off)
 * and in the browser (live feedback). `src/lib/server/modules/budgets/ballot-rules.ts` re-exports it.
 */

/** The choices in one pot; `projectIds` order is the ranking (ranking ballots); `points` parallels projectIds. */
export type BallotChoice = { zoneId: string; projectIds: string[]; points?: number[] };

export interface BallotDesign {
	ballotKind: 'approval' | 'knapsack' | 'cumulative' | 'ranking';
	maxChoices: number;
	ballotScope: 'per_zone' | 'across_zones';
	points: number;
	maxPointsPerProject: number;
}

/** A pot (budgets_zones row): `name` only feeds error messages. */
export interface BallotPot {
	id: string;
	budget: number;
	name?: string;
}

/** A project on the ballot; `cost` is `city_cost ?? estimated_cost`. */
export interface BallotProject {
	id: string;
	zoneId: string;
	cost: number;
	code?: string;
}

export interface BallotError {
	key: string;
	params?: Record<string, string | number>;
}

export type BallotCheck = { ok: true; choices: BallotChoice[] } | { ok: false; errors: BallotError[] };

/** A flat selection as forms send it: one entry per project, with points (cumulative) or a rank (ranking). */
export interface SelectionEntry {
	projectId: string;
	points?: number;
	rank?: number;
}

interface Item {
	projectId: string;
	zoneId: string;
	points: number;
}

/**
 * Checks `choices` against the design. The normalised choices follow the pots' order, keep only pots with a choice,
 * keep ranking order, drop zero-point entries, and list approval/knapsack projects in ballot order.
 */
export function checkBallot(
	design: BallotDesign,
	pots: BallotPot[],
	projects: BallotProject[],
	choices: BallotChoice[],
	allowedZoneIds: string[]
): BallotCheck {
	const errors: BallotError[] = [];
	const add = (key: string, params?: BallotError['params']) => {
		if (!errors.some((e) => e.key === key && JSON.stringify(e.params) === JSON.stringify(params)))
			errors.push(params ? { key, params } : { key });
	};
	const potById = new Map(pots.map((p) => [p.id, p]));
	const projectById = new Map(projects.map((p) => [p.id, p]));
	const allowed = new Set(allowedZoneIds);
	const seen = new Set<string>();
	const items: Item[] = [];

	for (const choice of Array.isArray(choices) ? choices : []) {
		const ids = Array.isArray(choice?.projectIds) ? choice.projectIds : [];
		ids.forEach((projectId, i) => {
			const project = typeof projectId === 'string' ? projectById.get(projectId) : undefined;
			const points = design.ballotKind === 'cumulative' ? Number(choice.points?.[i] ?? NaN) : 1;
			if (design.ballotKind === 'cumulative' && points === 0) return;
			if (!project || project.zoneId !== choice.zoneId || !potById.has(project.zoneId)) {
				add('budgets_vote_error_unknown_project', { project: String(projectId) });
				return;
			}
			if (seen.has(project.id)) {
				add('budgets_vote_error_duplicate', { project: project.code ?? project.id });
				return;
			}
			seen.add(project.id);
			if (!allowed.has(project.zoneId)) {
				const pot = potById.get(project.zoneId)!;
				add('budgets_vote_error_zone_not_allowed', { zone: pot.name ?? pot.id });
				return;
			}
			if (design.ballotKind === 'cumulative') {
				if (!Number.isInteger(points) || points < 0) {
					add('budgets_vote_error_points_invalid', { project: project.code ?? project.id });
					return;
				}
				if (points > design.maxPointsPerProject)
					add('budgets_vote_error_points_per_project', {
						project: project.code ?? project.id,
						max: design.maxPointsPerProject
					});
			}
			items.push({ projectId: project.id, zoneId: project.zoneId, points });
		});
	}

	if (items.length === 0 && errors.length === 0) add('budgets_vote_error_empty');

	// The limits apply per pot, or once over the whole ballot.
	const groups =
		design.ballotScope === 'per_zone'
			? pots.map((pot) => ({ pot, items: items.filter((i) => i.zoneId === pot.id) })).filter((g) => g.items.length)
			: [{ pot: null as BallotPot | null, items }];
	for (const group of groups) {
		const where: Record<string, string> = group.pot ? { zone: group.pot.name ?? group.pot.id } : {};
		switch (design.ballotKind) {
			case 'approval':
			case 'ranking':
				if (group.items.length > design.maxChoices)
					add('budgets_vote_error_too_many', { max: design.maxChoices, chosen: group.items.length, ...where });
				break;
			case 'knapsack': {
				const cost = group.items.reduce((s, i) => s + projectById.get(i.projectId)!.cost, 0);
				const budget = group.pot
					? group.pot.budget
					: pots.filter((p) => allowed.has(p.id)).reduce((s, p) => s + p.budget, 0);
				if (cost > budget) add('budgets_vote_error_over_budget', { budget, cost, ...where });
				break;
			}
			case 'cumulative': {
				const total = group.items.reduce((s, i) => s + i.points, 0);
				if (total > design.points)
					add('budgets_vote_error_points_total', { max: design.points, used: total, ...where });
				break;
			}
		}
	}
	if (errors.length) return { ok: false, errors };

	const order = new Map(projects.map((p, i) => [p.id, i]));
	const normalised: BallotChoice[] = [];
	for (const pot of pots) {
		let potItems = items.filter((i) => i.zoneId === pot.id);
		if (!potItems.length) continue;
		if (design.ballotKind !== 'ranking')
			potItems = [...potItems].sort((a, b) => order.get(a.projectId)! - order.get(b.projectId)!);
		normalised.push({
			zoneId: pot.id,
			projectIds: potItems.map((i) => i.projectId),
			...(design.ballotKind === 'cumulative' ? { points: potItems.map((i) => i.points) } : {})
		});
	}
	return { ok: true, choices: normalised };
}

export interface PotSummary {
	zoneId: string;
	chosen: number;
	cost: number;
	budget: number;
	/** Money of this pot not yet spent by the chosen projects (may be negative). */
	left: number;
	points: number;
}

export interface BallotSummary {
	chosen: number;
	/** How many may be chosen: per pot (per_zone) or in all (across_zones); null for knapsack (money decides). */
	maxChoices: number | null;
	pointsUsed: number;
	pointsTotal: number | null;
	pots: PotSummary[];
	/** True when the ballot can be cast as it is. */
	satisfied: boolean;
	errors: BallotError[];
}

/** Live feedback for a (possibly invalid) ballot: counts, money and points per pot, and whether it can be cast. */
export function ballotSummary(
	design: BallotDesign,
	pots: BallotPot[],
	projects: BallotProject[],
	choices: BallotChoice[],
	allowedZoneIds: string[]
): BallotSummary {
	const projectById = new Map(projects.map((p) => [p.id, p]));
	const allowed = new Set(allowedZoneIds);
	const potSummaries: PotSummary[] = pots
		.filter((p) => allowed.has(p.id))
		.map((p) => ({ zoneId: p.id, chosen: 0, cost: 0, budget: p.budget, left: p.budget, points: 0 }));
	const byId = new Map(potSummaries.map((p) => [p.zoneId, p]));
	let chosen = 0;
	let pointsUsed = 0;
	for (const choice of choices) {
		choice.projectIds.forEach((id, i) => {
			const project = projectById.get(id);
			const points = design.ballotKind === 'cumulative' ? Number(choice.points?.[i] ?? 0) || 0 : 1;
			if (!project || points <= 0) return;
			chosen++;
			pointsUsed += design.ballotKind === 'cumulative' ? points : 0;
			const pot = byId.get(project.zoneId);
			if (!pot) return;
			pot.chosen++;
			pot.cost += project.cost;
			pot.left = pot.budget - pot.cost;
			pot.points += design.ballotKind === 'cumulative' ? points : 0;
		});
	}
	const check = checkBallot(design, pots, projects, choices, allowedZoneIds);
	return {
		chosen,
		maxChoices: design.ballotKind === 'knapsack' ? null : design.maxChoices,
		pointsUsed,
		pointsTotal: design.ballotKind === 'cumulative' ? design.points : null,
		pots: potSummaries,
		satisfied: check.ok,
		errors: check.ok ? [] : check.errors
	};
}

/** Groups a flat form selection into choices per pot (ranking: by rank; cumulative: with points). */
export function choicesFromSelection(
	design: Pick<BallotDesign, 'ballotKind'>,
	projects: BallotProject[],
	selection: SelectionEntry[]
): BallotChoice[] {
	const projectById = new Map(projects.map((p) => [p.id, p]));
	const entries = [...selection];
	if (design.ballotKind === 'ranking') entries.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
	const byPot = new Map<string, BallotChoice>();
	for (const entry of entries) {
		// An unknown project keeps an unknown pot so that checkBallot reports it.
		const zoneId = projectById.get(entry.projectId)?.zoneId ?? '?';
		const choice = byPot.get(zoneId) ?? { zoneId, projectIds: [] };
		choice.projectIds.push(entry.projectId);
		if (design.ballotKind === 'cumulative') (choice.points ??= []).push(entry.points ?? 0);
		byPot.set(zoneId, choice);
	}
	return [...byPot.values()];
}

/** Ranking ballots: every rank used once (two projects cannot share a place). */
export function duplicateRanks(selection: SelectionEntry[]): number[] {
	const seen = new Set<number>();
	const dup = new Set<number>();
	for (const e of selection) if (e.rank !== undefined) (seen.has(e.rank) ? dup : seen).add(e.rank);
	return [...dup];
}
