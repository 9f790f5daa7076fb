import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsFileName, meetingsCalendar, type IcsMeeting } from './ics.ts';

const meeting = (over: Partial<IcsMeeting> = {}): IcsMeeting => ({
	id: 'a1b2c3',
	title: 'Dezbatere publică: bugetul 2027 pentru cartierul Fabric',
	description:
		'Ordinea de zi: prezentarea proiectului, întrebări, propuneri. Fiecare vorbitor are 3 minute; textul e lung ca să fie împăturit pe mai multe linii.',
	startsAt: new Date('2026-12-03T16:00:00Z'),
	endsAt: new Date('2026-12-03T18:00:00Z'),
	location: 'Sala de consiliu, Bulevardul C.D. Loga 1, Timișoara',
	geo: { lat: 45.7537, lon: 21.2257 },
	url: 'https://vocea.example.ro/processes/buget/meetings/m1/a1b2c3',
	status: 'published',
	sequence: 2,
	updatedAt: new Date('2026-11-20T10:00:00Z'),
	...over
});

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	return component.getAllSubcomponents('vevent').map((v) => ({ v, event: new ICAL.Event(v) }));
}

describe('meetings as iCalendar', () => {
	it('is valid RFC 5545 that a real parser reads back', () => {
		const text = meetingsCalendar({ name: 'Ședințe', host: 'vocea.example.ro', meetings: [meeting()] });
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text).toContain('VERSION:2.0');
		expect(text).toMatch(/PRODID:/);
		// Every line ends in CRLF and no line is longer than 75 octets (folded).
		const lines = text.split('\r\n');
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(lines.some((l) => l.startsWith(' '))).toBe(true);

		const [{ v, event }] = parse(text);
		expect(event.uid).toBe('a1b2c3@vocea.example.ro');
		expect(v.getFirstPropertyValue('dtstamp')).toBeInstanceOf(ICAL.Time);
		expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T16:00:00.000Z');
		expect(text).toMatch(/\r\nDTSTART:20261203T160000Z\r\n/);
		expect(event.startDate.zone?.tzid).toBe('UTC');
		expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T18:00:00.000Z');
		expect(event.summary).toBe('Dezbatere publică: bugetul 2027 pentru cartierul Fabric');
		expect(event.location).toBe('Sala de consiliu, Bulevardul C.D. Loga 1, Timișoara');
		expect(event.sequence).toBe(2);
		expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('marks cancelled meetings STATUS:CANCELLED and keeps several events apart', () => {
		const text = meetingsCalendar({
			name: 'Ședințe',
			host: 'h',
			meetings: [meeting(), meeting({ id: 'x9', status: 'cancelled', location: null })]
		});
		const events = parse(text);
		expect(events.map((e) => e.event.uid)).toEqual(['a1b2c3@h', 'x9@h']);
		expect(events[1].v.getFirstPropertyValue('status')).toBe('CANCELLED');
		for (const { v } of events) {
			expect(v.getFirstPropertyValue('uid')).toMatch(/^[a-z0-9]+@h$/);
			expect(v.getFirstPropertyValue('dtstamp')).toBeInstanceOf(ICAL.Time);
			expect(v.getFirstPropertyValue('dtstart')).toBeInstanceOf(ICAL.Time);
		}
	});

	it('names the file in ASCII', () => {
		expect(icsFileName('Întâlnire în Mehala — 3 decembrie')).toBe('intalnire-in-mehala-3-decembrie.ics');
		expect(icsFileName('ședință')).toBe('sedinta.ics');
		expect(icsFileName('!!!')).toBe('meeting.ics');
	});
});
