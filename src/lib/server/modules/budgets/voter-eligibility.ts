/**
 * Who may vote in an edition, and in which pots (pure): an accepted proof of identity (phone by SMS code, census
 * match, in-person check), the minimum age and residence in the city (a declaration on the ballot or a
 * verification, per the edition's settings), and the voter's pots (the zone they live in, one zone they choose, or
 * all; the city-wide pot is always open). A refusal names what is missing and where to fix it.
 */
import type { VerificationKind } from '../../platform/actors/actor.ts';
import type { BudgetsGlobalSettings } from './settings.ts';

export interface VoterFacts {
	verifications: VerificationKind[];
	/** The neighbourhood on the person's profile, and the platform zones containing it. */
	neighbourhoodId: string | null;
	zoneIds: string[];
}

/** A pot as eligibility sees it: `zoneId` is the platform zone (null = city-wide). */
export interface EligibilityPot {
	id: string;
	zoneId: string | null;
}

/** Something the person must do before voting: a message key and, where it can be done online, the page. */
export interface EligibilityProblem {
	key: string;
	href?: string;
	linkKey?: string;
}

export interface VoterEligibility {
	eligible: boolean;
	problems: EligibilityProblem[];
	/** The ballot carries a checkbox the voter must tick (declaration instead of a verification). */
	declareAge: boolean;
	declareResidence: boolean;
	/** `choice`: the voter picks one zone pot (`choosablePotIds`) before the ballot. */
	zoneMode: BudgetsGlobalSettings['voterZones'];
	choosablePotIds: string[];
	/** The pots on this voter's ballot (for `choice`, once a zone is chosen). */
	allowedPotIds: string[];
}

type Settings = Pick<
	BudgetsGlobalSettings,
	'acceptPhone' | 'acceptCensus' | 'acceptInPerson' | 'ageProof' | 'residenceProof' | 'voterZones' | 'minAge'
>;

export function voterEligibility(
	settings: Settings,
	voter: VoterFacts,
	pots: EligibilityPot[],
	chosenPotId: string | null = null
): VoterEligibility {
	const has = (k: VerificationKind) => voter.verifications.includes(k);
	const problems: EligibilityProblem[] = [];
	const identity =
		(settings.acceptPhone && has('phone')) ||
		(settings.acceptCensus && has('residence')) ||
		(settings.acceptInPerson && has('in_person'));
	if (!identity) {
		if (settings.acceptPhone)
			problems.push({
				key: 'budgets_vote_need_phone',
				href: '/account/verify',
				linkKey: 'budgets_vote_link_verify_phone'
			});
		if (settings.acceptCensus)
			problems.push({
				key: 'budgets_vote_need_census',
				href: '/account/verify',
				linkKey: 'budgets_vote_link_verify_census'
			});
		if (settings.acceptInPerson) problems.push({ key: 'budgets_vote_need_in_person' });
		if (!settings.acceptPhone && !settings.acceptCensus && !settings.acceptInPerson)
			problems.push({ key: 'budgets_vote_need_no_proof' });
	}
	// A census match proves age too; an in-person check at a desk looked at an identity document.
	if (settings.ageProof === 'verification' && !(has('age') || has('residence') || has('in_person')))
		problems.push({
			key: 'budgets_vote_need_age',
			href: '/account/verify',
			linkKey: 'budgets_vote_link_verify_census'
		});
	if (settings.residenceProof === 'verification' && !(has('residence') || has('in_person')))
		problems.push({
			key: 'budgets_vote_need_residence',
			href: '/account/verify',
			linkKey: 'budgets_vote_link_verify_census'
		});

	const cityWide = pots.filter((p) => p.zoneId === null).map((p) => p.id);
	const zonePots = pots.filter((p) => p.zoneId !== null);
	let allowed: string[] = [];
	let choosable: string[] = [];
	if (settings.voterZones === 'all') allowed = pots.map((p) => p.id);
	else if (settings.voterZones === 'residence') {
		const mine = zonePots.filter((p) => voter.zoneIds.includes(p.zoneId!)).map((p) => p.id);
		if (!voter.neighbourhoodId && zonePots.length)
			problems.push({
				key: 'budgets_vote_need_neighbourhood',
				href: '/account/profile',
				linkKey: 'budgets_vote_link_profile'
			});
		else if (!mine.length && zonePots.length) problems.push({ key: 'budgets_vote_need_zone_of_residence' });
		allowed = [...cityWide, ...mine];
	} else {
		choosable = zonePots.map((p) => p.id);
		const chosen = chosenPotId && choosable.includes(chosenPotId) ? [chosenPotId] : [];
		allowed = [...cityWide, ...chosen];
	}
	// Keep the pots' own order.
	allowed = pots.filter((p) => allowed.includes(p.id)).map((p) => p.id);
	return {
		eligible: problems.length === 0,
		problems,
		declareAge: settings.ageProof === 'declaration',
		declareResidence: settings.residenceProof === 'declaration',
		zoneMode: settings.voterZones,
		choosablePotIds: choosable,
		allowedPotIds: allowed
	};
}

/** The declarations the ballot asked for, as message keys of the missing ones. */
export function missingDeclarations(
	eligibility: Pick<VoterEligibility, 'declareAge' | 'declareResidence'>,
	declared: { age: boolean; residence: boolean }
): Record<string, string> {
	const errors: Record<string, string> = {};
	if (eligibility.declareAge && !declared.age) errors.declareAge = 'budgets_vote_error_declare_age';
	if (eligibility.declareResidence && !declared.residence)
		errors.declareResidence = 'budgets_vote_error_declare_residence';
	return errors;
}
