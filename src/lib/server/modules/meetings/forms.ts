/**
 * The meeting form (zod, messages are message keys) and its reader from a submitted HTML form. Times are
 * `datetime-local` values in Europe/Bucharest wall time; code callers (e.g. consultations) may pass `Date`s.
 * The place is read like every place on the platform, by `readPlace` (platform/geo), inside `parseMeeting`.
 */
import { z } from 'zod';
import type { Db, Tx } from '../../platform/db/index.ts';
import { readPlace, type Place } from '../../platform/geo/place.ts';
import { invalid, ok, type Result } from '../../platform/result.ts';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';
import { meetingTypes } from './rules.ts';
import { fromBucharestLocal, toBucharestLocal } from './time.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && !v.trim() ? undefined : v);

const readDateTime = (v: unknown) => {
	const value = blankToUndefined(v);
	return typeof value === 'string' ? (fromBucharestLocal(value) ?? 'invalid') : value;
};
const dateTime = z.preprocess(readDateTime, z.date('validation_date'));
// The optional wrapper sits inside the preprocess: an empty field becomes undefined there, then passes.
const optionalDateTime = z.preprocess(readDateTime, z.date('validation_date').optional());
const optionalInt = (min: number, max: number) =>
	z.preprocess(
		blankToUndefined,
		z.coerce
			.number('meetings_error_number')
			.int('meetings_error_number')
			.min(min, 'meetings_error_number')
			.max(max, 'meetings_error_number')
			.optional()
	);
const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, 'validation_too_long').optional());

export const AgendaItemInput = z.object({
	title: z.string().trim().min(1, 'validation_required').max(200, 'validation_too_long'),
	durationMinutes: z.coerce
		.number('meetings_error_number')
		.int('meetings_error_number')
		.min(1, 'meetings_error_number')
		.max(600, 'meetings_error_number'),
	speaker: optionalText(200)
});

export const MeetingInput = z
	.object({
		title: translatedInput(200),
		description: translatedInput(20_000),
		type: z.enum(meetingTypes, 'validation_required'),
		// Carried through untouched: `parseMeeting` validates them with `readPlace`.
		address: z.unknown().optional(),
		neighbourhoodId: z.unknown().optional(),
		lat: z.unknown().optional(),
		lng: z.unknown().optional(),
		onlineUrl: z.preprocess(
			blankToUndefined,
			z
				.url({ protocol: /^https?$/, error: 'meetings_error_online_url' })
				.max(500, 'validation_too_long')
				.optional()
		),
		startsAt: dateTime,
		endsAt: dateTime,
		agenda: z.array(AgendaItemInput).max(40, 'validation_too_long').default([]),
		capacity: optionalInt(1, 100_000),
		registrationEnabled: z.boolean().default(true),
		registrationOpensAt: optionalDateTime,
		registrationClosesAt: optionalDateTime,
		isPublic: z.boolean().default(true),
		speakerRegistration: z.boolean().default(false),
		speakerSlots: optionalInt(1, 1_000),
		speakerMinutes: z.preprocess(
			blankToUndefined,
			z.coerce
				.number('meetings_error_number')
				.int()
				.min(1, 'meetings_error_number')
				.max(60, 'meetings_error_number')
				.default(3)
		),
		rules: translatedInput(20_000, { required: false }).optional()
	})
	// Cross-field checks run even when basic fields failed (`when`), so one submission reports every problem:
	// each check looks only at the values that did parse.
	.superRefine(
		(m, ctx) => {
			const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
			const date = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v : undefined);
			const given = (v: unknown) => typeof v === 'string' && v.trim() !== '';
			const startsAt = date(m.startsAt);
			const endsAt = date(m.endsAt);
			const opensAt = date(m.registrationOpensAt);
			const closesAt = date(m.registrationClosesAt);
			const type = (meetingTypes as readonly unknown[]).includes(m.type) ? m.type : undefined;
			if (startsAt && endsAt && endsAt <= startsAt) issue('endsAt', 'meetings_error_ends_before_start');
			if (type && type !== 'online' && !given(m.address)) issue('address', 'meetings_error_address_required');
			if (type && type !== 'in_person' && !given(m.onlineUrl)) issue('onlineUrl', 'meetings_error_online_url_required');
			if (opensAt && closesAt && closesAt <= opensAt)
				issue('registrationClosesAt', 'meetings_error_registration_window');
			if (closesAt && startsAt && closesAt > startsAt)
				issue('registrationClosesAt', 'meetings_error_registration_after_start');
		},
		{ when: (payload) => typeof payload.value === 'object' && payload.value !== null }
	);
export type MeetingInput = z.input<typeof MeetingInput>;
export type MeetingData = Omit<z.output<typeof MeetingInput>, keyof Place> & Place;

const noPlace: Place = { address: null, neighbourhoodId: null, lat: null, lng: null };

/**
 * Validates a meeting: the form and (unless online) its place, both at once so every problem is reported in one
 * answer, keyed like the inputs.
 */
export async function parseMeeting(db: Db | Tx, input: MeetingInput): Promise<Result<MeetingData>> {
	const form = MeetingInput.safeParse(input);
	const place =
		input.type === 'online'
			? ok(noPlace)
			: await readPlace(db, {
					place_address: input.address,
					place_neighbourhood_id: input.neighbourhoodId,
					place_lat: input.lat,
					place_lng: input.lng
				});
	if (form.success && place.ok) return ok({ ...form.data, ...place.value });
	return invalid({
		...(place.ok ? {} : place.errors),
		...(form.success ? {} : meetingFieldErrors(form.error))
	});
}

const str = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/** Agenda rows come as `agenda_title_0`, `agenda_minutes_0`, `agenda_speaker_0`…; fully empty rows are dropped. */
function readAgenda(form: FormData) {
	const rows: { title: string; durationMinutes: string; speaker: string }[] = [];
	for (let i = 0; i < 40; i++) {
		const row = {
			title: str(form, `agenda_title_${i}`),
			durationMinutes: str(form, `agenda_minutes_${i}`),
			speaker: str(form, `agenda_speaker_${i}`)
		};
		if (row.title.trim() || row.durationMinutes.trim() || row.speaker.trim()) rows.push(row);
	}
	return rows;
}

export function readMeetingForm(form: FormData): MeetingInput {
	return {
		title: readTranslated(form, 'title') as MeetingInput['title'],
		description: readTranslated(form, 'description') as MeetingInput['description'],
		type: str(form, 'type') as MeetingInput['type'],
		address: str(form, 'place_address'),
		neighbourhoodId: str(form, 'place_neighbourhood_id'),
		lat: str(form, 'place_lat'),
		lng: str(form, 'place_lng'),
		onlineUrl: str(form, 'onlineUrl'),
		startsAt: str(form, 'startsAt'),
		endsAt: str(form, 'endsAt'),
		agenda: readAgenda(form) as unknown as MeetingInput['agenda'],
		capacity: str(form, 'capacity'),
		registrationEnabled: form.get('registrationEnabled') === 'on',
		registrationOpensAt: str(form, 'registrationOpensAt'),
		registrationClosesAt: str(form, 'registrationClosesAt'),
		isPublic: form.get('isPublic') === 'on',
		speakerRegistration: form.get('speakerRegistration') === 'on',
		speakerSlots: str(form, 'speakerSlots'),
		speakerMinutes: str(form, 'speakerMinutes'),
		rules: readTranslated(form, 'rules') as MeetingInput['rules']
	} as MeetingInput;
}

/** Field errors keyed like the inputs: `title_ro`, `agenda_0_title` → `agenda_title_0`, `address` → `place_address`. */
export function meetingFieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	const rename: Record<string, string> = { address: 'place_address' };
	for (const issue of error.issues) {
		const path = issue.path.map(String);
		let field = path.join('_') || '_form';
		if (path[0] === 'agenda' && path.length === 3)
			field = `agenda_${path[2] === 'durationMinutes' ? 'minutes' : path[2]}_${path[1]}`;
		field = rename[field] ?? field;
		out[field] ??= /^[a-z]+_[a-z0-9_]+$/.test(issue.message) ? issue.message : 'validation_invalid';
	}
	return out;
}

export const MinutesInput = z.object({
	minutes: translatedInput(100_000, { required: false }),
	attendanceCount: optionalInt(0, 1_000_000)
});
export type MinutesInput = z.input<typeof MinutesInput>;

export const readMinutesForm = (form: FormData): MinutesInput => ({
	minutes: readTranslated(form, 'minutes') as MinutesInput['minutes'],
	attendanceCount: str(form, 'attendanceCount')
});

export const CancelInput = z.object({
	reason: z.string().trim().min(1, 'validation_required').max(2_000, 'validation_too_long')
});
export const SpeakerInput = z.object({
	point: z.string().trim().min(1, 'validation_required').max(1_000, 'validation_too_long')
});
export const OverrideInput = z.object({
	overrideReason: z.preprocess(blankToUndefined, z.string().trim().max(2_000, 'validation_too_long').optional())
});

/** A stored meeting as form values (for the edit form): times as Bucharest `datetime-local`, numbers as text. */
export function meetingFormValues(m: {
	title: unknown;
	description: unknown;
	type: string;
	address: string | null;
	neighbourhoodId: string | null;
	lat: number | null;
	lng: number | null;
	onlineUrl: string | null;
	startsAt: Date;
	endsAt: Date;
	agenda: { title: string; durationMinutes: number; speaker?: string }[];
	capacity: number | null;
	registrationEnabled: boolean;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	isPublic: boolean;
	speakerRegistration: boolean;
	speakerSlots: number | null;
	speakerMinutes: number;
	rules: unknown;
}) {
	const text = (v: number | null) => (v === null ? '' : String(v));
	return {
		title: m.title,
		description: m.description,
		type: m.type,
		address: m.address ?? '',
		neighbourhoodId: m.neighbourhoodId ?? '',
		lat: text(m.lat),
		lng: text(m.lng),
		onlineUrl: m.onlineUrl ?? '',
		startsAt: toBucharestLocal(m.startsAt),
		endsAt: toBucharestLocal(m.endsAt),
		agenda: m.agenda,
		capacity: text(m.capacity),
		registrationEnabled: m.registrationEnabled,
		registrationOpensAt: toBucharestLocal(m.registrationOpensAt),
		registrationClosesAt: toBucharestLocal(m.registrationClosesAt),
		isPublic: m.isPublic,
		speakerRegistration: m.speakerRegistration,
		speakerSlots: text(m.speakerSlots),
		speakerMinutes: String(m.speakerMinutes),
		rules: m.rules ?? {}
	};
}

/** What the form posted, shaped like `meetingFormValues` so a refused form is shown again as typed. */
export function postedValues(input: MeetingInput) {
	return { ...input, agenda: input.agenda } as Record<string, unknown>;
}
