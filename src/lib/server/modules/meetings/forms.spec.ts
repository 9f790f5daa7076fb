import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/index.ts';
import { MeetingInput, meetingFieldErrors, parseMeeting, readMeetingForm } from './forms.ts';

/** The form as a browser posts it: every field present, empty ones as ''. */
function posted(over: Record<string, string> = {}) {
	const f = new FormData();
	const values: Record<string, string> = {
		title_ro: 'Întâlnire despre iluminat',
		description_ro: 'Străzile fără lumină.',
		type: 'in_person',
		place_address: 'Strada Gheorghe Lazăr 2',
		place_neighbourhood_id: '',
		place_lat: '',
		place_lng: '',
		onlineUrl: '',
		startsAt: '2030-11-23T18:00',
		endsAt: '2030-11-23T19:30',
		agenda_title_0: 'Străzile propuse',
		agenda_minutes_0: '45',
		agenda_speaker_0: '',
		agenda_title_1: '',
		agenda_minutes_1: '',
		agenda_speaker_1: '',
		registrationEnabled: 'on',
		capacity: '40',
		registrationOpensAt: '',
		registrationClosesAt: '',
		isPublic: 'on',
		speakerSlots: '',
		speakerMinutes: '3',
		rules_ro: '',
		...over
	};
	for (const [k, v] of Object.entries(values)) f.append(k, v);
	return readMeetingForm(f);
}

describe('the meeting form', () => {
	it('accepts empty optional fields (dates, numbers, coordinates) as not given', () => {
		const r = MeetingInput.safeParse(posted());
		expect(r.success && r.data).toMatchObject({
			capacity: 40,
			registrationOpensAt: undefined,
			registrationClosesAt: undefined,
			agenda: [{ title: 'Străzile propuse', durationMinutes: 45 }]
		});
	});
	it('names errors like the inputs', () => {
		const r = MeetingInput.safeParse(
			posted({ agenda_minutes_0: 'x', registrationClosesAt: 'mâine', place_lat: '45.7' })
		);
		expect(r.success).toBe(false);
		if (!r.success)
			expect(meetingFieldErrors(r.error)).toMatchObject({
				agenda_minutes_0: 'meetings_error_number',
				registrationClosesAt: 'validation_date'
			});
	});
	it('reports the cross-field problems together with the basic ones, in one answer', () => {
		const r = MeetingInput.safeParse(
			posted({
				title_ro: '',
				description_ro: '',
				type: 'hybrid',
				place_address: '',
				onlineUrl: '',
				startsAt: '2030-11-23T18:00',
				endsAt: '2030-11-23T17:00',
				capacity: 'patruzeci',
				registrationOpensAt: '2030-11-20T10:00',
				registrationClosesAt: '2030-11-19T10:00'
			})
		);
		expect(r.success).toBe(false);
		if (!r.success)
			expect(meetingFieldErrors(r.error)).toEqual({
				title_ro: 'validation_required',
				description_ro: 'validation_required',
				capacity: 'meetings_error_number',
				endsAt: 'meetings_error_ends_before_start',
				place_address: 'meetings_error_address_required',
				onlineUrl: 'meetings_error_online_url_required',
				registrationClosesAt: 'meetings_error_registration_window'
			});
	});
	it('checks what it can on a blank form without inventing errors from fields that failed', () => {
		const r = MeetingInput.safeParse(
			posted({
				title_ro: '',
				description_ro: '',
				place_address: '',
				startsAt: '',
				endsAt: '',
				agenda_title_0: '',
				agenda_minutes_0: ''
			})
		);
		expect(r.success).toBe(false);
		if (!r.success)
			expect(meetingFieldErrors(r.error)).toEqual({
				title_ro: 'validation_required',
				description_ro: 'validation_required',
				startsAt: 'validation_date',
				endsAt: 'validation_date',
				place_address: 'meetings_error_address_required'
			});
	});
	it('reads the place with the platform place reader, its errors alongside the form errors', async () => {
		// No neighbourhood and no complete pin: readPlace never reaches the database.
		const db = {} as Db;
		const r = await parseMeeting(db, posted({ title_ro: '', place_lat: '45,7537', place_lng: '' }));
		expect(r).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required', place_lng: 'maps_place_coordinates_both' }
		});
		const online = await parseMeeting(
			db,
			posted({ type: 'online', onlineUrl: 'https://meet.example.org/x', place_lat: 'oriunde' })
		);
		expect(online.ok && online.value).toMatchObject({ address: null, lat: null, lng: null });
		const inPerson = await parseMeeting(db, posted({ place_address: '  Piața Victoriei 1 ' }));
		expect(inPerson.ok && inPerson.value).toMatchObject({ address: 'Piața Victoriei 1', neighbourhoodId: null });
	});
});
