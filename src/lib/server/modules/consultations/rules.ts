/**
 * The Law 52/2003 rules of a consultation, as pure functions over ISO dates (the calendar lives in
 * platform/calendar): the minimum periods from publication, whether chosen dates shorten them, the state of the
 * recommendations window, and which received-on dates staff may enter into the register.
 */
import {
	compareIsoDates,
	law52EarliestApproval,
	law52PublicDebateDeadline,
	law52RecommendationsEarliestClose,
	type Deadline,
	type IsoDate
} from '../../platform/calendar/index.ts';
import type { FieldErrors } from '../../platform/result.ts';

export type ConsultationDates = {
	publishedOn: IsoDate | null;
	recommendationsCloseOn: IsoDate | null;
	approvalOn: IsoDate | null;
	synthesisPublishedAt: Date | null;
};

export type ConsultationStatus = 'draft' | 'open' | 'closed' | 'finalised';

/** The legal minimums for a draft published on `publishedOn`: each a Deadline citing its rule. */
export function minimumDates(publishedOn: IsoDate): { recommendations: Deadline; approval: Deadline } {
	return {
		recommendations: law52RecommendationsEarliestClose(publishedOn),
		approval: law52EarliestApproval(publishedOn)
	};
}

/**
 * Checks the dates staff chose against the minimums. Later dates are free; an earlier one is accepted only with a
 * written reason (then `shortened` is true, and the reason is logged and shown publicly). The window must end by
 * the approval date, since the draft is finalised on the recommendations received.
 */
export function checkChosenDates(
	publishedOn: IsoDate,
	chosen: { recommendationsCloseOn: IsoDate; approvalOn: IsoDate; shortenedReason?: string | null }
): { ok: true; shortened: boolean } | { ok: false; errors: FieldErrors } {
	const min = minimumDates(publishedOn);
	const errors: FieldErrors = {};
	if (compareIsoDates(chosen.recommendationsCloseOn, publishedOn) < 0)
		errors.recommendationsCloseOn = 'consultations_error_close_before_publication';
	if (compareIsoDates(chosen.approvalOn, chosen.recommendationsCloseOn) < 0)
		errors.approvalOn = 'consultations_error_approval_before_close';
	const shortened =
		compareIsoDates(chosen.recommendationsCloseOn, min.recommendations.due) < 0 ||
		compareIsoDates(chosen.approvalOn, min.approval.due) < 0;
	if (shortened && !chosen.shortenedReason?.trim()) errors.shortenedReason = 'consultations_error_shortened_reason';
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, shortened };
}

export function consultationStatus(c: ConsultationDates, today: IsoDate): ConsultationStatus {
	if (!c.publishedOn) return 'draft';
	if (c.synthesisPublishedAt) return 'finalised';
	return c.recommendationsCloseOn && compareIsoDates(today, c.recommendationsCloseOn) <= 0 ? 'open' : 'closed';
}

/** Online recommendations are received while the window is open (its last day included). */
export const windowOpen = (c: ConsultationDates, today: IsoDate) => consultationStatus(c, today) === 'open';

/**
 * A recommendation received on paper or by e-mail: not in the future, not before publication, and not after the
 * window unless staff mark it late (it still goes into the register, as the law keeps every written submission).
 */
export function receivedOnProblem(c: ConsultationDates, receivedOn: IsoDate, today: IsoDate, late: boolean) {
	if (!c.publishedOn) return 'consultations_error_not_published';
	if (compareIsoDates(receivedOn, today) > 0) return 'consultations_error_received_in_future';
	if (compareIsoDates(receivedOn, c.publishedOn) < 0) return 'consultations_error_received_before_publication';
	if (!late && c.recommendationsCloseOn && compareIsoDates(receivedOn, c.recommendationsCloseOn) > 0)
		return 'consultations_error_received_after_close';
	return null;
}

/** The latest day for the requested debate. Law 52/2003 art. 7(9)-(10) is read two ways (romania.md §1.1): within
 * 10 days of publishing the debate's date and place, or — as some municipalities do — of the request. The platform
 * shows the stricter one, counted from the request. */
export const debateDeadline = (requestedOn: IsoDate): Deadline => law52PublicDebateDeadline(requestedOn);
