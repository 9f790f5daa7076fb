/** Settings of the `meetings` module: who sees an online meeting's link, and what people may do in a phase. */
import { z } from 'zod';

export const meetingsGlobalSettings = z.object({
	/** The link of an online or hybrid meeting: to registered people only, or to every visitor. */
	onlineUrlVisibleTo: z.enum(['registered', 'everyone']).default('registered'),
	/** List past meetings under the upcoming ones. */
	showPastMeetings: z.boolean().default(true)
});

export const meetingsPhaseSettings = z.object({
	/** Registration for meetings in this phase (each meeting also has its own open/close dates). */
	registrations: z.enum(['enabled', 'blocked']).default('enabled'),
	comments: z.enum(['enabled', 'blocked', 'hidden']).default('enabled')
});

export type MeetingsGlobalSettings = z.infer<typeof meetingsGlobalSettings>;
export type MeetingsPhaseSettings = z.infer<typeof meetingsPhaseSettings>;
