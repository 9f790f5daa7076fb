/** Settings of the `proposals` module: the edit window and file limits (global), and what citizens may do in each phase. */
import { z } from 'zod';

export const proposalsGlobalSettings = z.object({
	/** Minutes after creating a proposal during which its author may still edit it (0 = never). */
	editWindowMinutes: z.number().int().min(0).max(10_080).default(60),
	/** Photos a proposal may carry (0 = none). */
	maxPhotos: z.number().int().min(0).max(10).default(4),
	/** Whether authors may attach PDF documents. */
	attachmentsAllowed: z.boolean().default(true),
	/** Proposals per page in the public list. */
	perPage: z.number().int().min(5).max(100).default(20)
});

export const proposalsPhaseSettings = z.object({
	/** Citizens may write new proposals in this phase. */
	creationEnabled: z.boolean().default(true),
	/** enabled: people support; blocked: counts shown, no new supports; hidden: no supports shown at all. */
	supports: z.enum(['enabled', 'blocked', 'hidden']).default('enabled'),
	/** Supports one person may give in this module (0 = unlimited). */
	supportLimit: z.number().int().min(0).max(1000).default(0),
	/** Supports after which a proposal is "qualified" (0 = no threshold). */
	threshold: z.number().int().min(0).max(1_000_000).default(0),
	/** Comments on proposals: enabled, blocked (read only) or hidden. */
	comments: z.enum(['enabled', 'blocked', 'hidden']).default('enabled')
});

export type ProposalsGlobalSettings = z.infer<typeof proposalsGlobalSettings>;
export type ProposalsPhaseSettings = z.infer<typeof proposalsPhaseSettings>;
