/** Comment rules the platform applies everywhere: depth, length, page size, auto-hide threshold, rate limit. */
import type { RateRule } from '../http/rate-limit.ts';

export const MAX_DEPTH = 3;
export const BODY_MAX = 4000;
export const REPORT_DETAILS_MAX = 1000;
export const MODERATION_REASON_MAX = 1000;
export const THREADS_PER_PAGE = 20;

export const alignments = ['for', 'against', 'neutral'] as const;
export type Alignment = (typeof alignments)[number];

export const reportReasons = ['spam', 'offensive', 'off_topic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

export const commentOrders = ['oldest', 'newest', 'most_voted'] as const;
export type CommentOrder = (typeof commentOrders)[number];

/** How many open reports hide a comment until a moderator decides (platform setting COMMENTS_REPORTS_TO_HIDE). */
export function reportsToHide(): number {
	const n = Number(process.env.COMMENTS_REPORTS_TO_HIDE);
	return Number.isInteger(n) && n > 0 ? n : 3;
}

/** New comments (and replies) per person: enough for a lively discussion, too few for a flood. */
export const commentRate: RateRule = { name: 'comments:user', limit: 20, windowSeconds: 10 * 60 };
