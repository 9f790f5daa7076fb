/**
 * iCalendar (RFC 5545) for meetings, written by `ical-generator`: times in UTC (no VTIMEZONE needed), a stable UID
 * per meeting, SEQUENCE bumped on each change, STATUS:CANCELLED for cancelled meetings. Pure: no database.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface IcsMeeting {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	/** Address, or the online link for an online meeting, or both for a hybrid one. */
	location: string | null;
	geo?: { lat: number; lon: number } | null;
	url: string;
	status: string;
	sequence: number;
	updatedAt: Date;
}

export interface IcsCalendar {
	name: string;
	/** Host of the site, for globally unique UIDs (`<meeting id>@<host>`). */
	host: string;
	meetings: IcsMeeting[];
}

export function meetingsCalendar({ name, host, meetings }: IcsCalendar): string {
	const calendar = ical({
		name,
		prodId: { company: 'Vocea', product: 'meetings', language: 'RO' },
		method: ICalCalendarMethod.PUBLISH,
		timezone: null
	});
	for (const m of meetings) {
		calendar.createEvent({
			id: `${m.id}@${host}`,
			sequence: m.sequence,
			stamp: m.updatedAt,
			lastModified: m.updatedAt,
			start: m.startsAt,
			end: m.endsAt,
			summary: m.title,
			description: m.description,
			location: m.location ? { title: m.location, geo: m.geo ?? undefined } : null,
			url: m.url,
			status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

/** A file name for the download: ASCII letters, digits and dashes only. */
export function icsFileName(title: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `${base || 'meeting'}.ics`;
}
