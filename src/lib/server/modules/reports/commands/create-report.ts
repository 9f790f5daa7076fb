/**
 * Registers a problem report (sesizare) from the web form, an Open311 client or staff: validates the category, text,
 * place, answers, contact and photos, then in one transaction stores the photos, the report (routed to the category's
 * department, with its legal answer date unless it is an anonymous notice), the first timeline entry and the author's
 * follow; after COMMIT it tells the reporter the registration number and the answer date.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { translate } from '../../../../i18n/index.ts';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { follows, neighbourhoods } from '../../../platform/db/schema.ts';
import { cityBounds, neighbourhoodAt, type Place } from '../../../platform/geo/place.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { validateAnswers } from '../answers.ts';
import { canEnterReport, reportsModule } from '../context.ts';
import { REPORT_RESOURCE } from '../manifest.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { indexReport } from '../search.ts';
import { notifyAreaSubscribers } from '../subscriptions-notify.ts';
import { storeReportImages, type PreparedImage } from '../photos.ts';
import { registrationNumber, reportDeadlines } from '../rules.ts';
import type { ReportsGlobalSettings } from '../settings.ts';
import { reportsCategories, reportsPhotos, reportsReports, reportsUpdates, type ReportChannel } from '../schema.ts';

export interface NewReport {
	/** An active leaf of the module's category tree. */
	categoryId: string;
	/** Default: "<category name> — <address or neighbourhood>". */
	title?: string | null;
	/** Plain text, 1..4000 characters. */
	description: string;
	place: Place;
	/** Raw answers, checked against the category's questions. */
	answers: Record<string, unknown>;
	showName: boolean;
	contact: { name?: string | null; email?: string | null; phone?: string | null };
	photos: PreparedImage[];
	channel: ReportChannel;
	apiKeyId?: string | null;
	locale?: string;
}

export interface CreatedReport {
	id: string;
	number: number;
	registrationNumber: string;
	token: string;
	dueOn: string | null;
	anonymousNotice: boolean;
}

export const REPORT_DESCRIPTION_MAX = 4000;
export const REPORT_TITLE_MAX = 120;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : (v ?? undefined));

const TextInput = z.object({
	title: z.preprocess(blank, z.string().trim().max(REPORT_TITLE_MAX, 'reports_error_title_too_long').optional()),
	description: z
		.string({ message: 'reports_error_description_required' })
		.trim()
		.min(1, 'reports_error_description_required')
		.max(REPORT_DESCRIPTION_MAX, 'reports_error_description_too_long')
});

const ContactInput = z.object({
	contact_name: z.preprocess(blank, z.string().trim().max(120, 'reports_error_contact_name_too_long').optional()),
	contact_email: z.preprocess(
		blank,
		z
			.string()
			.trim()
			.max(254, 'reports_error_contact_email_invalid')
			.email('reports_error_contact_email_invalid')
			.optional()
	),
	// Digits with the usual separators and an optional leading +.
	contact_phone: z.preprocess(
		blank,
		z
			.string()
			.trim()
			.regex(/^\+?[0-9 ().-]{6,20}$/, 'reports_error_contact_phone_invalid')
			.optional()
	)
});

/** The category when it is an active leaf of this module (a group has no department). */
async function leafCategory(db: Db, moduleId: string, categoryId: string) {
	if (!categoryId || typeof categoryId !== 'string') return null;
	const [c] = await db
		.select()
		.from(reportsCategories)
		.where(and(eq(reportsCategories.id, categoryId), eq(reportsCategories.moduleId, moduleId)));
	return c && c.active && c.departmentId ? c : null;
}

function checkPlace(place: Place, errors: FieldErrors) {
	const hasPin = place.lat !== null && place.lng !== null;
	if (!hasPin && !place.address?.trim()) {
		errors.place_address = 'reports_error_place_required';
		return;
	}
	if (!hasPin) return;
	const [west, south, east, north] = cityBounds();
	if (!Number.isFinite(place.lat) || place.lat! < south || place.lat! > north)
		errors.place_lat = 'maps_place_outside_city';
	if (!Number.isFinite(place.lng) || place.lng! < west || place.lng! > east)
		errors.place_lng = 'maps_place_outside_city';
}

/**
 * Everything `createReport` checks before writing (also used to look for duplicates before sending): all field
 * errors at once, or the validated parts.
 */
export async function validateNewReport(
	db: Db,
	moduleId: string,
	settings: ReportsGlobalSettings,
	actor: Actor,
	input: NewReport
) {
	const errors: FieldErrors = {};

	const category = await leafCategory(db, moduleId, input.categoryId);
	if (!category) errors.category = 'reports_error_category';
	const text = TextInput.safeParse({ title: input.title, description: input.description });
	if (!text.success) Object.assign(errors, invalid(text.error).errors);
	checkPlace(input.place, errors);
	const answers = category ? validateAnswers(category.questions, input.answers ?? {}) : null;
	if (answers && !answers.ok) Object.assign(errors, answers.errors);
	if (input.photos.length > settings.maxPhotos) errors.photos = 'reports_error_photos_too_many';

	// Web reports are the signed-in author's; API and staff-entered reports belong to the contact given with them.
	const author = input.channel === 'web' && isUser(actor) ? actor : null;
	const contact = ContactInput.safeParse({
		contact_name: input.contact.name,
		contact_email: input.contact.email,
		contact_phone: input.contact.phone
	});
	if (!contact.success) Object.assign(errors, invalid(contact.error).errors);
	const c = contact.success
		? { ...contact.data, contact_email: contact.data.contact_email?.toLowerCase() }
		: { contact_name: undefined, contact_email: undefined, contact_phone: undefined };
	const reachable = Boolean(c.contact_email || c.contact_phone);
	if (!author && c.contact_name && !reachable) errors.contact_email = 'reports_error_contact_email_or_phone';
	if (!author && reachable && !c.contact_name) errors.contact_name = 'reports_error_contact_name_required';
	const anonymousNotice = !author && !reachable;
	if (anonymousNotice && !settings.anonymousNotices && !errors.contact_email)
		errors.contact_email = 'reports_error_contact_required';

	if (Object.keys(errors).length || !category || !text.success || !answers?.ok) return invalid(errors);
	return ok({
		category,
		text: text.data,
		answers: answers.value,
		author,
		contact: c,
		anonymousNotice
	});
}

export async function createReport(
	actor: Actor,
	moduleId: string,
	input: NewReport,
	now: Date = new Date()
): Promise<Result<CreatedReport>> {
	const db = await getDb();
	const { ctx } = await reportsModule(db, moduleId, now);
	authorize(canEnterReport(actor, input.channel, ctx));
	const settings = ctx.settings;
	const valid = await validateNewReport(db, moduleId, settings, actor, input);
	if (!valid.ok) return valid;
	const { category, author, contact: c, anonymousNotice } = valid.value;
	const text = { data: valid.value.text };
	const answers = { value: valid.value.answers };

	const place = { ...input.place, address: input.place.address?.trim() || null };
	if (!place.neighbourhoodId && place.lat !== null && place.lng !== null)
		place.neighbourhoodId = (await neighbourhoodAt(db, place.lat, place.lng))?.id ?? null;
	const locale = input.locale ?? (author ? author.locale : 'ro');
	const title = text.data.title ?? (await defaultTitle(db, category.name, place, locale));
	const dueOn = anonymousNotice ? null : reportDeadlines(now).answer.due;
	const fingerprint = createHash('sha256')
		.update(
			[
				moduleId,
				category.id,
				author?.id ?? c.contact_email ?? c.contact_phone ?? '',
				text.data.description,
				place.lat ?? '',
				place.lng ?? '',
				place.address ?? ''
			].join('\u0000')
		)
		.digest('hex');

	let discard: (() => Promise<void>) | null = null;
	let created: { row: typeof reportsReports.$inferSelect; repeated: boolean };
	try {
		created = await db.transaction(async (tx) => {
			// A double-clicked "send" (or a client retrying) must not register the problem twice: the same reporter,
			// category, text and place within ten minutes answers with the first report.
			await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${fingerprint}, 0))`);
			const [seen] = await tx
				.select()
				.from(reportsReports)
				.where(
					and(
						eq(reportsReports.moduleId, moduleId),
						eq(reportsReports.categoryId, category.id),
						eq(reportsReports.description, text.data.description),
						author ? eq(reportsReports.authorId, author.id) : isNull(reportsReports.authorId),
						c.contact_email ? eq(reportsReports.contactEmail, c.contact_email) : sql`true`,
						c.contact_phone ? eq(reportsReports.contactPhone, c.contact_phone) : sql`true`,
						place.lat !== null ? eq(reportsReports.lat, place.lat) : isNull(reportsReports.lat),
						place.lng !== null ? eq(reportsReports.lng, place.lng) : isNull(reportsReports.lng),
						place.address ? eq(reportsReports.address, place.address) : isNull(reportsReports.address),
						gte(reportsReports.createdAt, new Date(now.getTime() - 10 * 60_000))
					)
				)
				.limit(1);
			if (seen) return { row: seen, repeated: true };

			const stored = await storeReportImages(tx, input.photos, { ownerId: author?.id ?? null });
			discard = stored.discard;
			const [row] = await tx
				.insert(reportsReports)
				.values({
					moduleId,
					categoryId: category.id,
					departmentId: category.departmentId!,
					state: 'new',
					title,
					description: text.data.description,
					lat: place.lat,
					lng: place.lng,
					location: place.lat !== null && place.lng !== null ? { x: place.lng, y: place.lat } : null,
					address: place.address,
					neighbourhoodId: place.neighbourhoodId,
					answers: answers.value,
					authorId: author?.id ?? null,
					contactName: author ? null : (c.contact_name ?? null),
					contactEmail: author ? null : (c.contact_email ?? null),
					contactPhone: author ? null : (c.contact_phone ?? null),
					// Only an account's name can be shown; contact details given on the form stay private.
					showName: Boolean(author && input.showName),
					anonymousNotice,
					locale,
					channel: input.channel,
					apiKeyId: input.apiKeyId ?? null,
					token: randomBytes(18).toString('base64url'),
					dueOn,
					createdAt: now,
					updatedAt: now
				})
				.returning();
			if (stored.fileIds.length)
				await tx
					.insert(reportsPhotos)
					.values(stored.fileIds.map((fileId, position) => ({ reportId: row.id, fileId, position })));
			await tx.insert(reportsUpdates).values({
				reportId: row.id,
				kind: 'system',
				toState: 'new',
				text: 'reports_update_registered',
				data: { channel: input.channel },
				authorId: author?.id ?? null,
				createdAt: now
			});
			if (author)
				await tx
					.insert(follows)
					.values({ userId: author.id, resourceType: REPORT_RESOURCE, resourceId: row.id })
					.onConflictDoNothing();
			return { row, repeated: false };
		});
	} catch (err) {
		if (discard) await (discard as () => Promise<void>)();
		throw err;
	}
	const { row, repeated } = created;
	const number = registrationNumber(settings.numberPrefix, row.number, row.createdAt);
	if (!repeated) {
		await notifyReporter(
			db,
			row,
			'reports_notification_registered',
			{ number, title: row.title, dueOn: row.dueOn ?? '' },
			{ followers: false }
		);
	}
	if (!repeated) {
		// Area subscribers hear of it by e-mail; the search index shows it (both after COMMIT, never undoing it).
		await notifyAreaSubscribers(db, { ...row, registrationNumber: number });
		await indexReport(db, row.id);
	}
	return ok({
		id: row.id,
		number: row.number,
		registrationNumber: number,
		token: row.token,
		dueOn: row.dueOn,
		anonymousNotice: row.anonymousNotice
	});
}

async function defaultTitle(
	db: Db,
	categoryName: Parameters<typeof translate>[0],
	place: Place,
	locale: string
): Promise<string> {
	let where = place.address;
	if (!where && place.neighbourhoodId) {
		const [n] = await db
			.select({ name: neighbourhoods.name })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, place.neighbourhoodId));
		where = n ? translate(n.name, locale).text : null;
	}
	const name = translate(categoryName, locale).text;
	return (where ? `${name} — ${where}` : name).slice(0, REPORT_TITLE_MAX);
}
