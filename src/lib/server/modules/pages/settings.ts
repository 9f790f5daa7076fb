/** Settings of the `pages` module: how the list of pages looks, and whether the pages show in a given phase. */
import { z } from 'zod';

export const pagesGlobalSettings = z.object({
	/** How the module's landing page lists its pages. */
	listStyle: z.enum(['list', 'cards']).default('list'),
	/** Show "last updated" under each page. */
	showUpdatedDate: z.boolean().default(true)
});

export const pagesPhaseSettings = z.object({
	/** Hidden in a phase, the pages are still readable by staff (e.g. rules being rewritten between phases). */
	visible: z.boolean().default(true)
});

export type PagesGlobalSettings = z.infer<typeof pagesGlobalSettings>;
export type PagesPhaseSettings = z.infer<typeof pagesPhaseSettings>;
