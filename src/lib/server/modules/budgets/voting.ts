/**
 * The voter's side of an edition, shared by the ballot page, the review step and the cast command: may this person
 * vote now, in which pots, on which projects, and is this ballot (with its declarations) ready to be cast.
 */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { sharedData } from '../../platform/http/shared-data.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type FieldErrors, type Result } from '../../platform/result.ts';
import { translate } from '../../../i18n/index.ts';
import {
	checkBallot,
	choicesFromSelection,
	duplicateRanks,
	type BallotDesign,
	type SelectionEntry
} from './ballot-rules.ts';
import type { BallotChoice } from './schema.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { rollEntryOf } from './desk-queries.ts';
import { potsOf } from './queries.ts';
import { missingDeclarations, voterEligibility } from './voter-eligibility.ts';
import { ballotProjectsOf, voterPlaceOf } from './voting-queries.ts';

/** What a ballot form sends, once parsed (voting-forms.ts). */
export interface BallotInput {
	/** The zone pot chosen (voterZones = choice). */
	zone: string | null;
	selection: SelectionEntry[];
	declareAge: boolean;
	declareResidence: boolean;
}

export type Voting = Awaited<ReturnType<typeof votingOf>>;

/** Loads the edition for a voter: permission to vote now, eligibility, the pots and projects of their ballot. */
export async function votingOf(
	actor: Actor,
	{ spaceSlug, moduleId, zone = null }: { spaceSlug?: string; moduleId: string; zone?: string | null },
	locale = 'ro',
	{ withRoll = true }: { withRoll?: boolean } = {}
) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (spaceSlug !== undefined && ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(canBudgets(actor, 'read', ctx));
	const decision = canBudgets(actor, 'vote', ctx);
	const settings = ctx.settings;
	// Shared data (ADR 0006): read once per PAGE_CACHE_SECONDS within read requests and casts (cast-ballot.ts).
	const [potRows, projectRows] = await Promise.all([
		sharedData(`budgets:pots:${moduleId}`, () => potsOf(db, moduleId)),
		sharedData(`budgets:ballot-projects:${moduleId}`, () => ballotProjectsOf(db, moduleId))
	]);
	const pots = potRows.map((p) => ({
		id: p.id,
		zoneId: p.zoneId,
		code: p.code,
		name: translate(p.name, locale).text,
		budget: p.budget
	}));
	const me = isUser(actor) ? actor : null;
	// Only "vote where you live" needs the voter's place; only pages show the roll entry (a cast learns it by casting).
	const place =
		me && settings.voterZones === 'residence' ? await voterPlaceOf(db, me.id) : { neighbourhoodId: null, zoneIds: [] };
	const eligibility = voterEligibility(settings, { verifications: me?.verifications ?? [], ...place }, pots, zone);
	const roll = me && withRoll ? await rollEntryOf(db, moduleId, me.id) : null;
	const allowed = new Set(eligibility.allowedPotIds);
	const design: BallotDesign = {
		ballotKind: settings.ballotKind,
		maxChoices: settings.maxChoices,
		ballotScope: settings.ballotScope,
		points: settings.points,
		maxPointsPerProject: settings.maxPointsPerProject
	};
	const projects = projectRows.map((p) => ({
		...p,
		neighbourhood: p.neighbourhood ? translate(p.neighbourhood, locale).text : null
	}));
	return {
		db,
		ctx,
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		design,
		settings,
		decision,
		eligibility,
		zone: zone && eligibility.choosablePotIds.includes(zone) ? zone : null,
		pots,
		ballotPots: pots.filter((p) => allowed.has(p.id)),
		projects,
		ballotProjects: projects.filter((p) => allowed.has(p.zoneId)),
		roll
	};
}

/** Checks a ballot for casting: permission, eligibility, declarations, zone, the design's rules. Writes nothing. */
export function prepareBallot(voting: Voting, input: BallotInput): Result<{ choices: BallotChoice[] }> {
	authorize(voting.decision);
	const { eligibility, design } = voting;
	if (!eligibility.eligible) return invalid({ _form: eligibility.problems[0].key });
	if (eligibility.zoneMode === 'choice' && eligibility.choosablePotIds.length && !voting.zone)
		return invalid({ zone: 'budgets_vote_error_choose_zone' });
	const errors: FieldErrors = missingDeclarations(eligibility, {
		age: input.declareAge,
		residence: input.declareResidence
	});
	if (design.ballotKind === 'ranking') {
		if (input.selection.some((s) => !Number.isInteger(s.rank) || s.rank! < 1 || s.rank! > design.maxChoices))
			errors.ballot = 'budgets_vote_error_rank_invalid';
		else if (duplicateRanks(input.selection).length) errors.ballot = 'budgets_vote_error_rank_duplicate';
	}
	const choices = choicesFromSelection(design, voting.projects, input.selection);
	const check = checkBallot(design, voting.pots, voting.projects, choices, eligibility.allowedPotIds);
	if (!check.ok) errors.ballot ??= check.errors[0].key;
	if (Object.keys(errors).length) return invalid(errors);
	return ok({ choices: (check as { choices: BallotChoice[] }).choices });
}
