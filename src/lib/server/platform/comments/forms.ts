/** Input schemas of the comment forms; messages are message keys shown by the error summary. */
import { z } from 'zod';
import { alignments, BODY_MAX, MODERATION_REASON_MAX, REPORT_DETAILS_MAX, reportReasons } from './settings.ts';

const body = z
	.string({ error: 'comments_error_body_required' })
	.transform((s) => s.replace(/\r\n?/g, '\n').trim())
	.pipe(z.string().min(1, 'comments_error_body_required').max(BODY_MAX, 'comments_error_body_too_long'));

export const CommentInput = z.object({
	body,
	alignment: z.enum(alignments, { error: 'comments_error_alignment' }).default('neutral')
});
/** What forms send: untrusted strings, checked by the schema. */
export type CommentInput = { body: string; alignment?: string };

export const ReportInput = z.object({
	reason: z.enum(reportReasons, { error: 'comments_error_report_reason' }),
	details: z
		.string()
		.default('')
		.transform((s) => s.trim())
		.pipe(z.string().max(REPORT_DETAILS_MAX, 'comments_error_details_too_long'))
});
export type ReportInput = { reason: string; details?: string };

export const ReasonInput = z.object({
	reason: z
		.string({ error: 'comments_error_reason_required' })
		.transform((s) => s.trim())
		.pipe(
			z.string().min(1, 'comments_error_reason_required').max(MODERATION_REASON_MAX, 'comments_error_reason_too_long')
		)
});
export type ReasonInput = { reason: string };

export const VoteInput = z.enum(['up', 'down', 'none'], { error: 'comments_error_vote' });
export type VoteInput = string;
