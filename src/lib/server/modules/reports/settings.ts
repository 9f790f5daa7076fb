/**
 * Settings of the `reports` module (problem reporting): photos, duplicate suggestions, reopening, anonymous notices
 * (global); and whether reporting is open in a phase (a city normally keeps one long phase, or none).
 * Categories, departments and API keys are tables (schema.ts), not settings.
 */
import { z } from 'zod';

export const reportsGlobalSettings = z.object({
	/** Prefix of registration numbers (`TM-2026-000123`). */
	numberPrefix: z
		.string()
		.regex(/^[A-Z]{1,6}$/)
		.default('TM'),
	/** Photos a report may carry (FixMyStreet's default: 3). */
	maxPhotos: z.number().int().min(0).max(10).default(3),
	/** Possible duplicates shown before sending: open reports of the same category within this distance … */
	duplicateRadiusMeters: z.number().int().min(10).max(5000).default(250),
	/** … registered in the last this many days. */
	duplicateDays: z.number().int().min(1).max(365).default(30),
	/** The reporter may say "not fixed" and reopen a fixed report for this many days. */
	reopenDays: z.number().int().min(0).max(365).default(28),
	/** Accept reports with no identity and no contact, as anonymous notices that get no legal answer. */
	anonymousNotices: z.boolean().default(true),
	/** Remind the assignee and the department head this many days before the legal answer date. */
	reminderDaysBefore: z.number().int().min(0).max(30).default(5)
});
export type ReportsGlobalSettings = z.infer<typeof reportsGlobalSettings>;

export const reportsPhaseSettings = z.object({
	/** New reports are accepted (staff keep handling existing ones either way). */
	reportingOpen: z.boolean().default(true)
});
export type ReportsPhaseSettings = z.infer<typeof reportsPhaseSettings>;
