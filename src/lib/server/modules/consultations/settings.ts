/** Settings of the `consultations` module: which channels the announcement offers, and comments per phase. */
import { z } from 'zod';

export const consultationsGlobalSettings = z.object({
	/** Recommendations may be sent through the platform (paper and e-mail ones are always entered by staff). */
	onlineRecommendations: z.boolean().default(true),
	/** Organisations may request a public debate through the platform (they can always write on paper). */
	onlineDebateRequests: z.boolean().default(true)
});

export const consultationsPhaseSettings = z.object({
	/** Comments on the draft (a platform feature); recommendations with legal value go into the register. */
	comments: z.enum(['enabled', 'blocked', 'hidden']).default('enabled')
});

export type ConsultationsGlobalSettings = z.infer<typeof consultationsGlobalSettings>;
export type ConsultationsPhaseSettings = z.infer<typeof consultationsPhaseSettings>;
