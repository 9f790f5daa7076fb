/** Settings of the `surveys` module: whether results are public, a closing date, and whether answers are open now. */
import { z } from 'zod';

export const surveysGlobalSettings = z.object({
	/** Anyone may see the aggregated results (never the free-text answers, which stay with staff). */
	publicResults: z.boolean().default(false),
	/** Last day answers are accepted (YYYY-MM-DD, Europe/Bucharest), whatever the phase says; empty for none. */
	closesOn: z
		.string()
		.trim()
		.max(10)
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'validation_date')
		.default('')
});

export const surveysPhaseSettings = z.object({
	/** Closed by default: staff open the survey in the phase meant for it. */
	answers: z.enum(['open', 'closed']).default('closed')
});

export type SurveysGlobalSettings = z.infer<typeof surveysGlobalSettings>;
export type SurveysPhaseSettings = z.infer<typeof surveysPhaseSettings>;
