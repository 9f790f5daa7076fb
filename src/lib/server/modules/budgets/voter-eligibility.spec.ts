import { describe, expect, it } from 'vitest';
import { budgetsGlobalSettings } from './settings.ts';
import { missingDeclarations, voterEligibility } from './voter-eligibility.ts';

const settings = budgetsGlobalSettings.parse({});
const pots = [
	{ id: 'city', zoneId: null },
	{ id: 'p1', zoneId: 'z1' },
	{ id: 'p2', zoneId: 'z2' }
];
const citizen = { verifications: ['email', 'phone'] as const, neighbourhoodId: 'n1', zoneIds: ['z1'] };

describe('voterEligibility', () => {
	it('accepts a phone confirmed by SMS by default and asks for the declarations on the ballot', () => {
		const e = voterEligibility(settings, { ...citizen, verifications: ['phone'] }, pots, 'p2');
		expect(e).toMatchObject({ eligible: true, problems: [], declareAge: true, declareResidence: true });
		expect(e.allowedPotIds).toEqual(['city', 'p2']);
	});

	it('says what to do when no accepted proof of identity is held', () => {
		const e = voterEligibility(settings, { ...citizen, verifications: ['email'] }, pots);
		expect(e.eligible).toBe(false);
		expect(e.problems.map((p) => p.key)).toEqual([
			'budgets_vote_need_phone',
			'budgets_vote_need_census',
			'budgets_vote_need_in_person'
		]);
		expect(e.problems[0]).toMatchObject({ href: '/account/verify' });
		const phoneOnly = { ...settings, acceptCensus: false, acceptInPerson: false };
		expect(voterEligibility(phoneOnly, { ...citizen, verifications: ['residence'] }, pots).eligible).toBe(false);
		expect(voterEligibility(phoneOnly, { ...citizen, verifications: ['phone'] }, pots).eligible).toBe(true);
		const inPersonOnly = { ...settings, acceptPhone: false, acceptCensus: false };
		expect(voterEligibility(inPersonOnly, { ...citizen, verifications: ['in_person'] }, pots).eligible).toBe(true);
		expect(voterEligibility(inPersonOnly, { ...citizen, verifications: ['phone'] }, pots).problems).toEqual([
			{ key: 'budgets_vote_need_in_person' }
		]);
	});

	it('asks for verifications of age and residence when the edition wants proof, not declarations', () => {
		const strict = { ...settings, ageProof: 'verification' as const, residenceProof: 'verification' as const };
		const e = voterEligibility(strict, { ...citizen, verifications: ['phone'] }, pots);
		expect(e.problems.map((p) => p.key)).toEqual(['budgets_vote_need_age', 'budgets_vote_need_residence']);
		expect(e).toMatchObject({ declareAge: false, declareResidence: false });
		expect(voterEligibility(strict, { ...citizen, verifications: ['phone', 'residence'] }, pots).eligible).toBe(true);
		expect(voterEligibility(strict, { ...citizen, verifications: ['in_person'] }, pots).eligible).toBe(true);
	});

	it('voter zones: residence, choice of one, or all; the city-wide pot always', () => {
		const residence = { ...settings, voterZones: 'residence' as const };
		expect(voterEligibility(residence, citizen as never, pots).allowedPotIds).toEqual(['city', 'p1']);
		const homeless = voterEligibility(residence, { ...citizen, neighbourhoodId: null, zoneIds: [] } as never, pots);
		expect(homeless.problems.map((p) => p.key)).toEqual(['budgets_vote_need_neighbourhood']);
		const outside = voterEligibility(residence, { ...citizen, zoneIds: ['elsewhere'] } as never, pots);
		expect(outside.problems.map((p) => p.key)).toEqual(['budgets_vote_need_zone_of_residence']);

		const choice = voterEligibility(settings, citizen as never, pots);
		expect(choice.choosablePotIds).toEqual(['p1', 'p2']);
		expect(choice.allowedPotIds).toEqual(['city']);
		expect(voterEligibility(settings, citizen as never, pots, 'nope').allowedPotIds).toEqual(['city']);
		expect(voterEligibility(settings, citizen as never, pots, 'city').allowedPotIds).toEqual(['city']);

		expect(voterEligibility({ ...settings, voterZones: 'all' }, citizen as never, pots).allowedPotIds).toEqual([
			'city',
			'p1',
			'p2'
		]);
	});
});

describe('missingDeclarations', () => {
	it('names each unticked declaration the ballot asked for', () => {
		const both = { declareAge: true, declareResidence: true };
		expect(missingDeclarations(both, { age: false, residence: true })).toEqual({
			declareAge: 'budgets_vote_error_declare_age'
		});
		expect(missingDeclarations(both, { age: true, residence: true })).toEqual({});
		expect(
			missingDeclarations({ declareAge: false, declareResidence: false }, { age: false, residence: false })
		).toEqual({});
	});
});
