/** Labels of the staff pages: state names, days left, the timeline's system entries (client-safe). */
import { m } from '#lib/paraglide/messages.js';
import { messageText } from '#lib/ui/messages.ts';
import { reportStates } from '../reports/states.ts';

/** The states staff choose from: all of them (one list: src/lib/modules/reports/states.ts). */
export const staffStates = reportStates;

export const stateLabel = (state: string) => messageText(`reports_staff_state_${state}`);
/** Where a report came in (web, open311, staff), as staff read it. */
export const channelLabel = (channel: string) => messageText(`reports_staff_channel_${channel}`);

export function daysLeftLabel(days: number | null): string {
	if (days === null) return '';
	if (days === 0) return m.reports_staff_due_today();
	return days > 0 ? m.reports_staff_days_left({ days }) : m.reports_staff_days_overdue({ days: -days });
}

export const datatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const datatypeLabel = (d: string) => messageText(`reports_staff_datatype_${d}`);
