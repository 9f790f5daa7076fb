/** Inputs of the consultation forms (zod, with message keys) and readers that turn FormData into them. */
import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.ts';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';

const text = (max: number) => z.string().trim().max(max, 'validation_too_long').default('');
const required = (max: number) => z.string().trim().min(1, 'validation_required').max(max, 'validation_too_long');
const isoDate = z.string().trim().refine(isIsoDate, 'consultations_error_date');
const str = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

export const AnnouncementInput = z.object({
	draftTitle: translatedInput(300),
	explanatoryNote: translatedInput(100_000),
	impactStudy: translatedInput(100_000, { required: false }),
	draftText: translatedInput(200_000),
	contactName: required(200),
	contactEmail: z.string().trim().email('validation_email').max(200, 'validation_too_long'),
	contactPhone: text(50),
	postalAddress: text(500)
});
export type AnnouncementInput = z.input<typeof AnnouncementInput>;

export const readAnnouncementForm = (form: FormData): AnnouncementInput => ({
	draftTitle: readTranslated(form, 'draftTitle') as AnnouncementInput['draftTitle'],
	explanatoryNote: readTranslated(form, 'explanatoryNote') as AnnouncementInput['explanatoryNote'],
	impactStudy: readTranslated(form, 'impactStudy') as AnnouncementInput['impactStudy'],
	draftText: readTranslated(form, 'draftText') as AnnouncementInput['draftText'],
	contactName: str(form, 'contactName'),
	contactEmail: str(form, 'contactEmail'),
	contactPhone: str(form, 'contactPhone'),
	postalAddress: str(form, 'postalAddress')
});

export const PublishInput = z.object({
	recommendationsCloseOn: isoDate,
	approvalOn: isoDate,
	shortenedReason: text(2000)
});
export type PublishInput = z.input<typeof PublishInput>;
export const readPublishForm = (form: FormData): PublishInput => ({
	recommendationsCloseOn: str(form, 'recommendationsCloseOn'),
	approvalOn: str(form, 'approvalOn'),
	shortenedReason: str(form, 'shortenedReason')
});

export const OnlineRecommendationInput = z.object({
	text: required(20_000),
	article: text(200),
	organisation: text(300)
});
export type OnlineRecommendationInput = z.input<typeof OnlineRecommendationInput>;
export const readOnlineRecommendationForm = (form: FormData): OnlineRecommendationInput => ({
	text: str(form, 'text'),
	article: str(form, 'article'),
	organisation: str(form, 'organisation')
});

export const recommendationChannels = ['online', 'email', 'paper'] as const;
export const StaffRecommendationInput = z.object({
	channel: z.enum(['email', 'paper'], 'consultations_error_channel'),
	receivedOn: isoDate,
	late: z.boolean().default(false),
	authorName: required(300),
	organisation: text(300),
	contact: text(500),
	text: required(20_000),
	article: text(200)
});
export type StaffRecommendationInput = z.input<typeof StaffRecommendationInput>;
export const readStaffRecommendationForm = (form: FormData): StaffRecommendationInput => ({
	channel: str(form, 'channel') as 'email' | 'paper',
	receivedOn: str(form, 'receivedOn'),
	late: form.get('late') === 'on',
	authorName: str(form, 'authorName'),
	organisation: str(form, 'organisation'),
	contact: str(form, 'contact'),
	text: str(form, 'text'),
	article: str(form, 'article')
});

export const outcomes = ['accepted', 'partly_accepted', 'rejected'] as const;
export type Outcome = (typeof outcomes)[number];
export const OutcomeInput = z.object({
	recommendationId: z.string().min(1, 'validation_required'),
	outcome: z.enum(outcomes, 'consultations_error_outcome'),
	outcomeReason: required(5000)
});
export type OutcomeInput = z.input<typeof OutcomeInput>;
export const readOutcomeForm = (form: FormData): OutcomeInput => ({
	recommendationId: str(form, 'recommendationId'),
	outcome: str(form, 'outcome') as Outcome,
	outcomeReason: str(form, 'outcomeReason')
});

export const DebateRequestInput = z.object({ reason: required(5000) });
export type DebateRequestInput = z.input<typeof DebateRequestInput>;
export const readDebateRequestForm = (form: FormData): DebateRequestInput => ({ reason: str(form, 'reason') });

export const ScheduleDebateInput = z.object({
	requestId: z.string().min(1, 'validation_required'),
	debateOn: isoDate,
	debateTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'consultations_error_time'),
	debatePlace: required(500),
	meetingId: text(100)
});
export type ScheduleDebateInput = z.input<typeof ScheduleDebateInput>;
export const readScheduleDebateForm = (form: FormData): ScheduleDebateInput => ({
	requestId: str(form, 'requestId'),
	debateOn: str(form, 'debateOn'),
	debateTime: str(form, 'debateTime'),
	debatePlace: str(form, 'debatePlace'),
	meetingId: str(form, 'meetingId')
});

export const SynthesisInput = z.object({
	synthesis: translatedInput(100_000),
	finalActNumber: required(100),
	finalActOn: isoDate
});
export type SynthesisInput = z.input<typeof SynthesisInput>;
export const readSynthesisForm = (form: FormData): SynthesisInput => ({
	synthesis: readTranslated(form, 'synthesis') as SynthesisInput['synthesis'],
	finalActNumber: str(form, 'finalActNumber'),
	finalActOn: str(form, 'finalActOn')
});

export const AnnualReportInput = z.object({
	meetingParticipants: z.coerce
		.number('validation_invalid')
		.int('validation_invalid')
		.min(0, 'validation_invalid')
		.max(10_000_000, 'validation_invalid')
		.nullable()
		.default(null),
	courtCases: text(20_000),
	evaluation: text(20_000),
	closedMeetings: text(20_000)
});
export type AnnualReportInput = z.input<typeof AnnualReportInput>;
export const readAnnualReportForm = (form: FormData): AnnualReportInput => ({
	meetingParticipants: str(form, 'meetingParticipants').trim() === '' ? null : str(form, 'meetingParticipants'),
	courtCases: str(form, 'courtCases'),
	evaluation: str(form, 'evaluation'),
	closedMeetings: str(form, 'closedMeetings')
});
