/**
 * The report form (FormData) → `NewReport`: category, text, the PlacePicker fields, `answer_<code>` fields, photos
 * (new uploads, or those carried from step 1 to the duplicates step as data URLs, checked again), `show_name`,
 * `contact_*`, and `gps_consent` (a photo's GPS position becomes the pin when the person placed none). Staff entering a
 * report received by phone, letter or at the counter also choose `locale`, the language the reporter is written in.
 */
import type { Db } from '../../platform/db/index.ts';
import { prepareImage, prepareImages, type PreparedImage } from '../../platform/files/prepare-image.ts';
import { readPlace } from '../../platform/geo/place.ts';
import { invalid, type FieldErrors } from '../../platform/result.ts';
import { isLocale } from '#lib/i18n/index.ts';
import type { NewReport } from './commands/create-report.ts';

/** What the form shows back: every text field as typed, and the photos carried as data URLs. */
export interface ReportFormValues {
	fields: Record<string, string | string[]>;
	photos: string[];
}

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

const TEXT_FIELDS = [
	'category',
	'title',
	'description',
	'place_address',
	'place_neighbourhood_id',
	'place_lat',
	'place_lng',
	'contact_name',
	'contact_email',
	'contact_phone'
];

/** A cleaned photo as a data URL, to carry through the duplicates step without storing anything. */
export const photoToDataUrl = (p: PreparedImage) =>
	`data:${p.mimeType};name=${encodeURIComponent(p.originalName)};base64,${Buffer.from(p.bytes).toString('base64')}`;

function dataUrlToFile(url: string): File | null {
	const m = /^data:([\w/+.-]+);name=([^;]*);base64,([A-Za-z0-9+/=]+)$/.exec(url);
	if (!m) return null;
	return new File([Buffer.from(m[3], 'base64')], decodeURIComponent(m[2]) || 'photo', { type: m[1] });
}

export async function readReportForm(
	db: Db,
	form: FormData,
	{ maxPhotos, locale, channel = 'web' }: { maxPhotos: number; locale: string; channel?: 'web' | 'staff' }
): Promise<{ input: NewReport; errors: FieldErrors; values: ReportFormValues }> {
	const fields: Record<string, string | string[]> = {};
	for (const name of TEXT_FIELDS) fields[name] = text(form, name);
	const chosen = text(form, 'locale');
	const reportLocale = channel === 'staff' && isLocale(chosen) ? chosen : locale;
	if (channel === 'staff') fields.locale = reportLocale;
	const answers: Record<string, string | string[]> = {};
	for (const [key] of form.entries()) {
		if (!key.startsWith('answer_') || key in answers) continue;
		const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
		answers[key.slice('answer_'.length)] = all.length > 1 ? all : (all[0] ?? '');
		fields[key] = answers[key.slice('answer_'.length)];
	}
	const showName = form.get('show_name') === 'yes';
	const gpsConsent = form.get('gps_consent') === 'yes';
	if (showName) fields.show_name = 'yes';
	if (gpsConsent) fields.gps_consent = 'yes';

	const errors: FieldErrors = {};
	const photos: PreparedImage[] = [];
	for (const carried of form.getAll('carried_photo')) {
		const file = typeof carried === 'string' ? dataUrlToFile(carried) : null;
		const p = file
			? await prepareImage(file, { field: 'photos' })
			: invalid({ photos: 'files_error_image_unreadable' });
		if (!p.ok) Object.assign(errors, p.errors);
		else photos.push(p.value);
	}
	const uploaded = await prepareImages(form.getAll('photos'), { field: 'photos', max: maxPhotos });
	if (!uploaded.ok) Object.assign(errors, uploaded.errors);
	else photos.push(...uploaded.value);
	if (photos.length > maxPhotos) errors.photos = 'reports_error_photos_too_many';

	const place = await readPlace(db, form);
	if (!place.ok) Object.assign(errors, place.errors);
	const values: ReportFormValues = { fields, photos: errors.photos ? [] : photos.map(photoToDataUrl) };
	const where = place.ok ? { ...place.value } : { address: null, neighbourhoodId: null, lat: null, lng: null };
	// A photo's position is used only with the person's consent, and never over a pin they placed themselves.
	const located = photos.find((p) => p.gps);
	if (gpsConsent && where.lat === null && located?.gps) {
		where.lat = Number(located.gps.lat.toFixed(6));
		where.lng = Number(located.gps.lng.toFixed(6));
		fields.place_lat = String(where.lat);
		fields.place_lng = String(where.lng);
		const withPin = await readPlace(db, {
			...Object.fromEntries(Object.entries(fields)),
			place_lat: String(where.lat),
			place_lng: String(where.lng)
		});
		if (withPin.ok) where.neighbourhoodId = withPin.value.neighbourhoodId;
	}
	return {
		errors,
		input: {
			categoryId: text(form, 'category'),
			title: text(form, 'title'),
			description: text(form, 'description'),
			place: where,
			answers,
			showName,
			contact: {
				name: text(form, 'contact_name'),
				email: text(form, 'contact_email'),
				phone: text(form, 'contact_phone')
			},
			photos,
			channel,
			locale: reportLocale
		},
		values
	};
}
