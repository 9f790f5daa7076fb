/** Client-safe names of consultation states, register channels and outcomes, in the current locale. */
import { m } from '#lib/paraglide/messages.js';

export function statusName(status: string): string {
	const names: Record<string, () => string> = {
		draft: m.consultations_status_draft,
		open: m.consultations_status_open,
		closed: m.consultations_status_closed,
		finalised: m.consultations_status_finalised
	};
	return names[status]?.() ?? status;
}

export const statusColour = (status: string) =>
	({ open: 'green', closed: 'yellow', finalised: 'blue' })[status] ?? 'grey';

export function channelName(channel: string): string {
	const names: Record<string, () => string> = {
		online: m.consultations_channel_online,
		email: m.consultations_channel_email,
		paper: m.consultations_channel_paper
	};
	return names[channel]?.() ?? channel;
}

export function outcomeName(outcome: string | null | undefined): string {
	const names: Record<string, () => string> = {
		accepted: m.consultations_outcome_accepted,
		partly_accepted: m.consultations_outcome_partly_accepted,
		rejected: m.consultations_outcome_rejected
	};
	return outcome ? (names[outcome]?.() ?? outcome) : m.consultations_outcome_pending();
}
