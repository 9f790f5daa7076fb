/** Settings of the `news` module: how many announcements a page lists, and whether comments are open in a phase. */
import { z } from 'zod';

export const newsGlobalSettings = z.object({
	/** Announcements per page of the list. */
	perPage: z.number().int().min(5).max(50).default(10),
	/** Show the image of each announcement in the list, not only on its page. */
	imagesInList: z.boolean().default(true)
});

export const newsPhaseSettings = z.object({
	/** Comments under announcements in this phase: open, closed but shown, or not shown at all. */
	comments: z.enum(['enabled', 'blocked', 'hidden']).default('enabled')
});

export type NewsGlobalSettings = z.infer<typeof newsGlobalSettings>;
export type NewsPhaseSettings = z.infer<typeof newsPhaseSettings>;
