import { describe, expect, it } from 'vitest';
import { checkChosenDates, consultationStatus, debateDeadline, minimumDates, receivedOnProblem } from './rules.ts';

const published = (publishedOn: string, recommendationsCloseOn: string, synthesis = false) => ({
	publishedOn,
	recommendationsCloseOn,
	approvalOn: null,
	synthesisPublishedAt: synthesis ? new Date() : null
});

describe('Law 52/2003 minimum dates of a consultation', () => {
	it('count 30 working days past Orthodox Good Friday, Easter Monday and 1 May', () => {
		// Friday 3 April 2026; Good Friday 10 April, Easter Monday 13 April and 1 May are not working days.
		const min = minimumDates('2026-04-03');
		expect(min.approval.due).toBe('2026-05-20');
		expect(min.approval.rule.article).toBe('art. 7(2)');
		// Day 10 is Easter Monday (13 April): the window is carried to Tuesday 14 April.
		expect(min.recommendations.due).toBe('2026-04-14');
	});

	it('count working days past Pentecost Monday (1 June 2026)', () => {
		expect(minimumDates('2026-05-15').approval.due).toBe('2026-06-29');
	});

	it('carry a recommendations window ending on Pentecost Monday to the next working day', () => {
		const { recommendations } = minimumDates('2026-05-22');
		expect(recommendations.nominal).toBe('2026-06-01');
		expect(recommendations.due).toBe('2026-06-02');
		expect(recommendations.carried).toBe(true);
		expect(recommendations.rule.article).toBe('art. 7(4)');
	});
});

describe('dates chosen by staff', () => {
	it('accept the minimums and anything later without a reason', () => {
		expect(checkChosenDates('2026-04-03', { recommendationsCloseOn: '2026-04-14', approvalOn: '2026-05-20' })).toEqual({
			ok: true,
			shortened: false
		});
		expect(checkChosenDates('2026-04-03', { recommendationsCloseOn: '2026-05-01', approvalOn: '2026-06-30' })).toEqual({
			ok: true,
			shortened: false
		});
	});

	it('refuse a shorter period without a reason, and accept it with one (marked shortened)', () => {
		const short = { recommendationsCloseOn: '2026-04-10', approvalOn: '2026-05-20' };
		expect(checkChosenDates('2026-04-03', short)).toEqual({
			ok: false,
			errors: { shortenedReason: 'consultations_error_shortened_reason' }
		});
		expect(checkChosenDates('2026-04-03', { ...short, approvalOn: '2026-05-19', shortenedReason: '  ' })).toMatchObject(
			{
				ok: false
			}
		);
		expect(checkChosenDates('2026-04-03', { ...short, shortenedReason: 'Termen legal pentru buget (OUG).' })).toEqual({
			ok: true,
			shortened: true
		});
	});

	it('refuse an approval date before the end of the recommendations window', () => {
		const r = checkChosenDates('2026-04-03', {
			recommendationsCloseOn: '2026-06-01',
			approvalOn: '2026-05-25',
			shortenedReason: 'x'
		});
		expect(r).toEqual({ ok: false, errors: { approvalOn: 'consultations_error_approval_before_close' } });
	});
});

describe('the state of a consultation', () => {
	it('is open through the last day of the window, then closed, then finalised', () => {
		expect(consultationStatus({ ...published('2026-04-03', '2026-04-14'), publishedOn: null }, '2026-04-01')).toBe(
			'draft'
		);
		expect(consultationStatus(published('2026-04-03', '2026-04-14'), '2026-04-14')).toBe('open');
		expect(consultationStatus(published('2026-04-03', '2026-04-14'), '2026-04-15')).toBe('closed');
		expect(consultationStatus(published('2026-04-03', '2026-04-14', true), '2026-04-15')).toBe('finalised');
	});
});

describe('recommendations entered by staff', () => {
	const c = published('2026-04-03', '2026-04-14');
	it('may be dated in the past within the window, not in the future nor before publication', () => {
		expect(receivedOnProblem(c, '2026-04-05', '2026-04-10', false)).toBeNull();
		expect(receivedOnProblem(c, '2026-04-11', '2026-04-10', false)).toBe('consultations_error_received_in_future');
		expect(receivedOnProblem(c, '2026-04-02', '2026-04-10', false)).toBe(
			'consultations_error_received_before_publication'
		);
	});

	it('may be dated after the window only when marked late', () => {
		expect(receivedOnProblem(c, '2026-04-15', '2026-04-20', false)).toBe('consultations_error_received_after_close');
		expect(receivedOnProblem(c, '2026-04-15', '2026-04-20', true)).toBeNull();
		expect(receivedOnProblem({ ...c, publishedOn: null }, '2026-04-15', '2026-04-20', true)).toBe(
			'consultations_error_not_published'
		);
	});
});

describe('a requested public debate', () => {
	it('is due 10 calendar days after the request, carried past a weekend (art. 7(9))', () => {
		// Requested Wednesday 1 April 2026: day 10 is Saturday 11 April → Monday 13 April is Easter Monday → Tuesday 14.
		const d = debateDeadline('2026-04-01');
		expect(d.nominal).toBe('2026-04-11');
		expect(d.due).toBe('2026-04-14');
		expect(d.bound).toBe('latest');
	});
});
