import { describe, expect, it } from 'vitest';
import {
	RULES,
	deadlineStatus,
	law52ConsultationDeadlines,
	law52EarliestApproval,
	law52EarliestMeeting,
	law52MeetingAnnouncementDeadline,
	law52PublicDebateDeadline,
	law52RecommendationsEarliestClose,
	law544AnswerDeadline,
	law544ComplexAnswerDeadline,
	law544RefusalDeadline,
	law544RequestDeadlines,
	legalTerm,
	og27AnswerDeadline,
	og27ExtendedAnswerDeadline,
	og27ForwardingDeadline,
	og27PetitionDeadlines
} from './deadlines.ts';
import { workingDaysBetween } from './working-days.ts';

const pick = (d: ReturnType<typeof legalTerm>) => ({ nominal: d.nominal, due: d.due, carried: d.carried });

describe('Law 52/2003 — decisional transparency', () => {
	it('earliest approval is the 30th working day after publication, across Easter 2026', () => {
		// Published Mon 2 Mar; Good Friday 10 Apr and Easter Monday 13 Apr are skipped.
		const d = law52EarliestApproval('2026-03-02');
		expect(pick(d)).toEqual({ nominal: '2026-04-15', due: '2026-04-15', carried: false });
		expect(d).toMatchObject({ bound: 'earliest', unit: 'working', days: 30, rule: { id: 'law52.art7.2' } });
		expect(workingDaysBetween('2026-03-02', d.due)).toBe(30);
	});

	it('earliest approval across St Andrew, National Day, Christmas, New Year and 6–7 January', () => {
		const d = law52EarliestApproval('2026-11-20');
		expect(d.due).toBe('2027-01-11');
		expect(workingDaysBetween('2026-11-20', d.due)).toBe(30);
		expect(law52EarliestApproval('2026-11-20', { extraNonWorkingDays: ['2026-12-31'] }).due).toBe('2027-01-12');
	});

	it('recommendations window: ≥ 10 calendar days, carried past St Andrew and National Day', () => {
		expect(pick(law52RecommendationsEarliestClose('2026-03-02'))).toEqual({
			nominal: '2026-03-12',
			due: '2026-03-12',
			carried: false
		});
		// Published Fri 20 Nov: day 10 is Mon 30 Nov (holiday), 1 Dec is a holiday too → Wed 2 Dec.
		const d = law52RecommendationsEarliestClose('2026-11-20');
		expect(pick(d)).toEqual({ nominal: '2026-11-30', due: '2026-12-02', carried: true });
		expect(d.carryRule).toBe(RULES.carry);
		expect(d.unit).toBe('calendar');
	});

	it('public debate within 10 days of the request, carried past Christmas', () => {
		// Request Tue 15 Dec → day 10 is Fri 25 Dec → Sat, Sun → Mon 28 Dec.
		const d = law52PublicDebateDeadline('2026-12-15');
		expect(pick(d)).toEqual({ nominal: '2026-12-25', due: '2026-12-28', carried: true });
		expect(d).toMatchObject({ bound: 'latest', rule: { act: 'Law 52/2003', article: 'art. 7(9)-(10)' } });
	});

	it('public meeting announced ≥ 3 days before; notice periods are not carried', () => {
		const latest = law52MeetingAnnouncementDeadline('2026-12-02');
		expect(latest).toMatchObject({ direction: 'before', bound: 'latest', nominal: '2026-11-29', due: '2026-11-29' });
		expect(latest.carried).toBe(false);
		const earliest = law52EarliestMeeting('2026-11-27');
		expect(pick(earliest)).toEqual({ nominal: '2026-11-30', due: '2026-11-30', carried: false });
		expect(earliest.rule.id).toBe('law52.art8');
	});

	it('returns both consultation dates', () => {
		const c = law52ConsultationDeadlines('2026-11-20');
		expect(c.earliestApproval.due).toBe('2027-01-11');
		expect(c.recommendationsEarliestClose.due).toBe('2026-12-02');
	});
});

describe('OG 27/2002 — petitions', () => {
	it('answer within 30 days; a term ending on 1 December is carried to 2 December', () => {
		const d = og27AnswerDeadline('2026-11-01');
		expect(pick(d)).toEqual({ nominal: '2026-12-01', due: '2026-12-02', carried: true });
		expect(d).toMatchObject({ bound: 'latest', days: 30, unit: 'calendar', rule: { id: 'og27.art8' } });
	});

	it('answer term ending on Orthodox Easter Sunday is carried past Easter Monday', () => {
		expect(pick(og27AnswerDeadline('2026-03-13'))).toEqual({ nominal: '2026-04-12', due: '2026-04-14', carried: true });
	});

	it('one extension of at most 15 days, counted from the nominal term', () => {
		const d = og27ExtendedAnswerDeadline('2026-03-13', 15);
		expect(pick(d)).toEqual({ nominal: '2026-04-27', due: '2026-04-27', carried: false });
		expect(d).toMatchObject({ days: 45, rule: { id: 'og27.art9' } });
		expect(og27ExtendedAnswerDeadline('2026-11-01', 10).due).toBe('2026-12-11');
		for (const bad of [0, 16, 1.5, -3]) expect(() => og27ExtendedAnswerDeadline('2026-11-01', bad)).toThrow(RangeError);
	});

	it('forwarding within 5 days, carried past Easter Monday and Christmas', () => {
		expect(pick(og27ForwardingDeadline('2026-04-08'))).toEqual({
			nominal: '2026-04-13',
			due: '2026-04-14',
			carried: true
		});
		expect(og27ForwardingDeadline('2026-12-20').due).toBe('2026-12-28');
		// Registered Mon 23 Nov: day 5 is Sat 28 Nov → Sun → 30 Nov and 1 Dec (holidays) → Wed 2 Dec.
		expect(og27ForwardingDeadline('2026-11-23').due).toBe('2026-12-02');
	});

	it('returns the petition dates, with the extension only when granted', () => {
		expect(og27PetitionDeadlines('2026-11-02').extended).toBeNull();
		const p = og27PetitionDeadlines('2026-11-02', 15);
		expect([p.answer.due, p.forwarding.due, p.extended?.due]).toEqual(['2026-12-02', '2026-11-09', '2026-12-17']);
	});
});

describe('Law 544/2001 — access to public-interest information', () => {
	it('answer in 10 days, carried past Pentecost Monday / Children’s Day', () => {
		const d = law544AnswerDeadline('2026-05-22');
		expect(pick(d)).toEqual({ nominal: '2026-06-01', due: '2026-06-02', carried: true });
		expect(d.rule).toMatchObject({ act: 'Law 544/2001', article: 'art. 7(1)' });
	});

	it('complex requests: notice within 10 days, answer within 30', () => {
		const r = law544RequestDeadlines('2026-05-22');
		expect(r.complexNotice.due).toBe('2026-06-02');
		expect(pick(r.complexAnswer)).toEqual({ nominal: '2026-06-21', due: '2026-06-22', carried: true });
		expect(r.refusal.due).toBe('2026-05-27');
		expect(law544ComplexAnswerDeadline('2026-05-22').rule.id).toBe('law544.art7.1.complex');
	});

	it('answer due over New Year is carried to the first working day of 2027', () => {
		expect(pick(law544AnswerDeadline('2026-12-22'))).toEqual({
			nominal: '2027-01-01',
			due: '2027-01-04',
			carried: true
		});
	});

	it('reasoned refusal within 5 days, carried past a Sunday', () => {
		const d = law544RefusalDeadline('2026-12-22');
		expect(pick(d)).toEqual({ nominal: '2026-12-27', due: '2026-12-28', carried: true });
		expect(d.rule.article).toBe('art. 7(3)');
	});
});

describe('counting options and status', () => {
	it('freeDays (Civil Code art. 2553(1) reading) makes every term one day longer', () => {
		expect(og27AnswerDeadline('2026-11-02').due).toBe('2026-12-02');
		expect(og27AnswerDeadline('2026-11-02', { freeDays: true }).due).toBe('2026-12-03');
		expect(law52EarliestApproval('2026-03-02', { freeDays: true }).due).toBe('2026-04-16');
		expect(law52MeetingAnnouncementDeadline('2026-12-03', { freeDays: true }).due).toBe('2026-11-29');
	});

	it('extra non-working days carry a deadline too', () => {
		const d = og27AnswerDeadline('2026-11-02', { extraNonWorkingDays: ['2026-12-02'] });
		expect(pick(d)).toEqual({ nominal: '2026-12-02', due: '2026-12-03', carried: true });
	});

	it('deadlineStatus gives days left and overdue', () => {
		const d = og27AnswerDeadline('2026-11-02');
		expect(deadlineStatus(d, '2026-11-25')).toEqual({ daysLeft: 7, overdue: false, reached: true });
		expect(deadlineStatus(d, '2026-12-02')).toEqual({ daysLeft: 0, overdue: false, reached: true });
		expect(deadlineStatus(d, '2026-12-03')).toEqual({ daysLeft: -1, overdue: true, reached: true });
		const e = law52EarliestApproval('2026-03-02');
		expect(deadlineStatus(e, '2026-04-14')).toEqual({ daysLeft: 1, overdue: false, reached: false });
		expect(deadlineStatus(e, '2026-04-15').reached).toBe(true);
	});

	it('every rule cites an act, an article and at least one source', () => {
		for (const rule of Object.values(RULES)) {
			expect(rule.act).not.toBe('');
			expect(rule.article).toMatch(/^art\./);
			expect(rule.sources.length).toBeGreaterThan(0);
		}
		expect(() =>
			legalTerm({ rule: RULES.og27Answer, bound: 'latest', from: '2026-01-01', days: -1, unit: 'calendar' })
		).toThrow(RangeError);
	});
});
