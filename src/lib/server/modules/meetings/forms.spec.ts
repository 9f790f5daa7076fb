import { describe, expect, it } from 'vitest';
import { MeetingInput, meetingFieldErrors, readMeetingForm } from './forms.ts';

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
});
