/**
 * The Open311 GeoReport v2 endpoints (`/open311/v2/…`): each reads the merged parameters, checks the format and the
 * jurisdiction, answers from the city's reports module through the one internal model (model.ts → spark.ts) and
 * turns every failure into the standard's error list and HTTP status. Routes only call these.
 */
import { isLocale } from '../../../../i18n/index.ts';
import { anonymous } from '../../../platform/actors/actor.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { prepareImage } from '../../../platform/files/prepare-image.ts';
import { messageByKey } from '../../../platform/i18n.ts';
import { logger } from '../../../platform/log.ts';
import { ForbiddenError, NotFoundError } from '../../../platform/result.ts';
import { addOpen311Update } from '../commands/add-open311-update.ts';
import { createReport, REPORT_DESCRIPTION_MAX } from '../commands/create-report.ts';
import { canReports, cityReportsModuleId, reportsModule } from '../context.ts';
import { boxAround } from '../geo.ts';
import type { PreparedImage } from '../photos.ts';
import { open311ExtendedStatus } from '../rules.ts';
import { checkKeyRate, requireApiKey, verifyApiKey } from './api-keys.ts';
import { DEFAULT_RADIUS_METERS, MAX_PAGE_SIZE, MAX_RADIUS_METERS, MAX_RANGE_DAYS, open311Config } from './config.ts';
import { parseW3c } from './datetime.ts';
import { badRequest, errorResponse, forbidden, notFound, Open311Error } from './errors.ts';
import {
	ANONYMOUS_NOTICE,
	definitionNode,
	discoveryNode,
	requestNode,
	serviceNode,
	updateNode,
	withExtensions
} from './model.ts';
import { readParams, type Open311Params } from './params.ts';
import {
	findRequests,
	publicUpdates,
	requestExtensions,
	requestNumberByToken,
	serviceByCode,
	services,
	servicesChangedAt,
	type RequestFilter
} from './queries.ts';
import { list, sparkResponse, type Open311Format, type SparkNode } from './spark.ts';

/** What a route hands over: the request, its URL, the `.json`/`.xml` suffix and the client's address. */
export interface Open311Input {
	request: Request;
	url: URL;
	format: string | undefined;
	ip: string;
}

interface Call {
	db: Db;
	format: Open311Format;
	params: Open311Params;
	moduleId: string;
	numberPrefix: string;
	maxPhotos: number;
	origin: string;
	locale: string;
	now: Date;
	ip: string;
}

const DAY_MS = 86_400_000;
const PUBLIC_GET = { 'access-control-allow-origin': '*' };
const CACHED_GET = { ...PUBLIC_GET, 'cache-control': 'public, max-age=60' };
/**
 * Lists of requests: the same for every client, so shareable for a few seconds — by proxies, and by each app process
 * for PAGE_CACHE_SECONDS (http/page-cache.ts; a POST through the process empties it).
 */
const LIST_GET = { ...PUBLIC_GET, 'cache-control': 'public, max-age=10' };

const isFormat = (f: string | undefined): f is Open311Format => f === 'json' || f === 'xml';

/** Runs one endpoint: format, parameters, jurisdiction, the city's module, errors. */
async function run(input: Open311Input, answer: (call: Call) => Promise<Response>): Promise<Response> {
	if (!isFormat(input.format)) return errorResponse('xml', notFound('Unknown format: use .xml or .json'));
	const format = input.format;
	try {
		const params = await readParams(input.request, input.url);
		const jurisdiction = params.get('jurisdiction_id');
		if (jurisdiction !== undefined && jurisdiction !== open311Config.jurisdiction())
			throw notFound('jurisdiction_id not found');
		const db = await getDb();
		const now = new Date();
		const moduleId = await cityReportsModuleId(db);
		if (!moduleId) throw notFound('This city publishes no problem reports');
		const { ctx } = await reportsModule(db, moduleId, now);
		if (!canReports(anonymous(), 'read', ctx).allowed) throw notFound('This city publishes no problem reports');
		const locale = params.get('locale');
		return await answer({
			db,
			format,
			params,
			moduleId,
			numberPrefix: ctx.settings.numberPrefix,
			maxPhotos: ctx.settings.maxPhotos,
			origin: input.url.origin,
			locale: locale && isLocale(locale) ? locale : 'ro',
			now,
			ip: input.ip
		});
	} catch (err) {
		if (err instanceof Open311Error) return errorResponse(format, err);
		if (err instanceof NotFoundError) return errorResponse(format, notFound('Not found'));
		if (err instanceof ForbiddenError) return errorResponse(format, badRequest('Reporting is closed'));
		logger().error({ err, path: input.url.pathname }, 'open311 failure');
		return errorResponse(format, new Open311Error(500, 'The server could not answer; try again later'));
	}
}

const respond = (call: Call, root: string, node: SparkNode, headers: Record<string, string> = PUBLIC_GET) =>
	sparkResponse(call.format, root, node, 200, headers);

// --- discovery, services, definitions ---------------------------------------------------------------------------

export const discovery = (input: Open311Input) =>
	run(input, async (call) => {
		const changed = await servicesChangedAt(call.db, call.moduleId);
		return respond(
			call,
			'discovery',
			discoveryNode({
				origin: call.origin,
				changeset: changed ?? new Date(0),
				contact: open311Config.contact(call.origin),
				keyService: open311Config.keyService(call.origin)
			}),
			CACHED_GET
		);
	});

export const serviceList = (input: Open311Input) =>
	run(input, async (call) => {
		const all = await services(call.db, call.moduleId);
		return respond(
			call,
			'services',
			list(
				'service',
				all.map((s) => serviceNode(s.category, s.group, call.locale))
			),
			CACHED_GET
		);
	});

export const serviceDefinition = (input: Open311Input, code: string) =>
	run(input, async (call) => {
		const category = await serviceByCode(call.db, call.moduleId, code);
		if (!category) throw notFound('service_code not found');
		return respond(call, 'service_definition', definitionNode(category, call.locale), CACHED_GET);
	});

// --- requests ---------------------------------------------------------------------------------------------------

/** `123` or a registration number `TM-2026-000123` → 123. */
function requestNumber(value: string): number | null {
	const m = /^(?:[A-Za-z]{1,6}-\d{4}-)?(\d{1,9})$/.exec(value.trim());
	return m ? Number(m[1]) : null;
}

function numberParam(params: Open311Params, name: string): number | undefined {
	const v = params.get(name);
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isFinite(n)) throw badRequest(`${name} must be a number`);
	return n;
}

function pageParams(params: Open311Params): { limit: number; offset: number } {
	const page = params.get('page') ?? '1';
	const size = params.get('page_size') ?? params.get('max_requests') ?? String(MAX_PAGE_SIZE);
	if (!/^\d{1,6}$/.test(page) || Number(page) < 1) throw badRequest('page must be a positive integer');
	if (!/^\d{1,6}$/.test(size) || Number(size) < 1 || Number(size) > MAX_PAGE_SIZE)
		throw badRequest(`page_size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
	return { limit: Number(size), offset: (Number(page) - 1) * Number(size) };
}

/** `start_date` / `end_date` → a range of at most 90 days (an open end is filled in; a wider range is a 400). */
function dateRange(params: Open311Params, now: Date, bothOrNeither = false): { from: Date; to?: Date } {
	const start = params.get('start_date');
	const end = params.get('end_date');
	if (bothOrNeither && (start === undefined) !== (end === undefined))
		throw badRequest('start_date and end_date must be given together');
	const from = start === undefined ? undefined : parseW3c(start);
	const to = end === undefined ? undefined : parseW3c(end, true);
	if (from === null)
		throw badRequest('start_date must be a W3C datetime with a timezone, e.g. 2026-04-14T06:37:38+03:00');
	if (to === null) throw badRequest('end_date must be a W3C datetime with a timezone, e.g. 2026-04-14T06:37:38+03:00');
	if (from && to) {
		if (to < from) throw badRequest('end_date must not be before start_date');
		if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS + 1000)
			throw badRequest(`The range from start_date to end_date must not exceed ${MAX_RANGE_DAYS} days`);
		return { from, to };
	}
	if (from) return { from, to: new Date(from.getTime() + MAX_RANGE_DAYS * DAY_MS) };
	if (to) return { from: new Date(to.getTime() - MAX_RANGE_DAYS * DAY_MS), to };
	return { from: new Date(now.getTime() - MAX_RANGE_DAYS * DAY_MS) };
}

function requestFilter(params: Open311Params, now: Date): RequestFilter {
	const page = pageParams(params);
	const ids = params.commaList('service_request_id');
	if (ids.length) {
		if (ids.length > MAX_PAGE_SIZE) throw badRequest(`At most ${MAX_PAGE_SIZE} service_request_id values`);
		const numbers = ids.map(requestNumber);
		if (numbers.some((n) => n === null))
			throw badRequest('service_request_id must be a comma-separated list of request ids');
		// The ids override every other filter (standards.md §1.7).
		return { numbers: numbers as number[], ...page };
	}
	const status = params.commaList('status').map((s) => s.toLowerCase());
	if (status.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status must be open, closed or both');
	const filter: RequestFilter = {
		serviceCodes: params.commaList('service_code'),
		status: [...new Set(status)] as ('open' | 'closed')[],
		...dateRange(params, now),
		...page
	};
	const bbox = params.get('bbox');
	if (bbox !== undefined) {
		const b = bbox.split(',').map((v) => Number(v.trim()));
		if (b.length !== 4 || !b.every(Number.isFinite) || b[0] > b[2] || b[1] > b[3])
			throw badRequest('bbox must be minLong,minLat,maxLong,maxLat');
		filter.bbox = { west: b[0], south: b[1], east: b[2], north: b[3] };
	}
	const lat = numberParam(params, 'lat');
	const lng = numberParam(params, 'long');
	if ((lat === undefined) !== (lng === undefined)) throw badRequest('lat and long must be given together');
	if (lat !== undefined && lng !== undefined) {
		const radius = numberParam(params, 'radius') ?? DEFAULT_RADIUS_METERS;
		if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw badRequest('lat/long out of range');
		if (radius <= 0 || radius > MAX_RADIUS_METERS)
			throw badRequest(`radius must be from 1 to ${MAX_RADIUS_METERS} metres`);
		filter.near = { lat, lng, radiusMeters: radius, box: boxAround(lat, lng, radius) };
	}
	return filter;
}

async function requestsAnswer(call: Call, filter: RequestFilter): Promise<SparkNode> {
	const rows = await findRequests(call.db, call.moduleId, filter);
	const ctx = { origin: call.origin, locale: call.locale, numberPrefix: call.numberPrefix };
	const nodes = rows.map((r) => requestNode(r, ctx));
	if (call.params.get('extensions') === 'true') {
		const ext = await requestExtensions(
			call.db,
			rows.map((r) => r.report.id)
		);
		return list(
			'request',
			nodes.map((n, i) => withExtensions(n, rows[i], ext, ctx))
		);
	}
	return list('request', nodes);
}

export const getRequests = (input: Open311Input) =>
	run(input, async (call) =>
		respond(call, 'service_requests', await requestsAnswer(call, requestFilter(call.params, call.now)), LIST_GET)
	);

export const getRequest = (input: Open311Input, id: string) =>
	run(input, async (call) => {
		const number = requestNumber(id);
		const answer = number === null ? null : await requestsAnswer(call, { numbers: [number], limit: 1, offset: 0 });
		if (!answer || (answer as { items: unknown[] }).items.length === 0) throw notFound('service_request_id not found');
		return respond(call, 'service_requests', answer);
	});

export const getToken = (input: Open311Input, token: string) =>
	run(input, async (call) => {
		const number = token.length <= 100 ? await requestNumberByToken(call.db, call.moduleId, token) : null;
		if (number === null) throw notFound('token not found');
		return respond(call, 'service_requests', list('request', [{ service_request_id: String(number), token }]));
	});

/** `first_name` + `last_name`, without FMS's `-` for "unknown". */
function personName(params: Open311Params): string | null {
	const parts = [params.get('first_name'), params.get('last_name')].filter((p) => p && p !== '-');
	return parts.length ? parts.join(' ') : null;
}

/** English descriptions of createReport's field errors, named after the Open311 parameters. */
function describeErrors(errors: Record<string, string>): string[] {
	return Object.entries(errors).map(([field, key]) => {
		const message = messageByKey(key, 'en');
		if (field.startsWith('answer_')) return `attribute[${field.slice('answer_'.length)}]: ${message}`;
		if (field === 'place_address') return 'A location is required: lat and long, address_string or address_id';
		if (field === 'place_lat' || field === 'place_lng') return `lat/long: ${message}`;
		if (field.startsWith('contact_')) return `${field === 'contact_name' ? 'first_name' : field.slice(8)}: ${message}`;
		if (field.startsWith('photo')) return `photos: ${message}`;
		return `${field}: ${message}`;
	});
}

async function uploadedPhotos(call: Call): Promise<PreparedImage[]> {
	const chosen = call.params.files.filter((f) => /^(photo\d*|media)$/.test(f.name));
	if (chosen.length > call.maxPhotos) throw badRequest(`At most ${call.maxPhotos} photos`);
	const photos: PreparedImage[] = [];
	for (const { name, file } of chosen) {
		const prepared = await prepareImage(file, { field: name });
		if (!prepared.ok) throw badRequest(describeErrors(prepared.errors));
		photos.push(prepared.value);
	}
	return photos;
}

export const postRequest = (input: Open311Input) =>
	run(input, async (call) => {
		const { params } = call;
		const key = await requireApiKey(call.db, params.get('api_key'), call.now);
		const code = params.get('service_code');
		if (!code) throw badRequest('service_code is required');
		const category = await serviceByCode(call.db, call.moduleId, code);
		if (!category) throw notFound('service_code not found');
		const lat = numberParam(params, 'lat');
		const lng = numberParam(params, 'long');
		if ((lat === undefined) !== (lng === undefined)) throw badRequest('lat and long must be given together');
		const address = params.get('address_string') ?? params.get('address_id') ?? null;
		if (lat === undefined && !address)
			throw badRequest('A location is required: lat and long, address_string or address_id');
		const description = params.get('description') ?? serviceNode(category, null, 'ro').service_name;
		if (typeof description === 'string' && description.length > REPORT_DESCRIPTION_MAX)
			throw badRequest(`description must be at most ${REPORT_DESCRIPTION_MAX} characters`);
		const email = params.get('email') ?? null;
		const phone = params.get('phone') ?? null;
		const created = await createReport(
			anonymous({ ip: call.ip, userAgent: input.request.headers.get('user-agent') }),
			call.moduleId,
			{
				categoryId: category.id,
				title: params.get('title') ?? null,
				description: String(description),
				place: { lat: lat ?? null, lng: lng ?? null, address, neighbourhoodId: null },
				answers: params.attributes(),
				showName: false,
				// A client that sends an e-mail or phone without a name still gives a reachable contact.
				contact: { name: personName(params) ?? email ?? phone, email, phone },
				photos: await uploadedPhotos(call),
				channel: 'open311',
				apiKeyId: key.id,
				locale: call.locale
			},
			call.now
		);
		if (!created.ok) throw badRequest(describeErrors(created.errors));
		const r = created.value;
		const notice = r.anonymousNotice
			? ANONYMOUS_NOTICE
			: `Registered as ${r.registrationNumber}; the legal answer is due by ${r.dueOn}.`;
		return respond(
			call,
			'service_requests',
			list('request', [{ service_request_id: String(r.number), service_notice: notice, account_id: null }])
		);
	});

// --- FMS servicerequestupdates ----------------------------------------------------------------------------------

export const getUpdates = (input: Open311Input) =>
	run(input, async (call) => {
		// FMS sends its key on this GET: a keyed client gets the extended (upper-case FMS) statuses.
		const given = call.params.get('api_key');
		const key = given === undefined ? null : await verifyApiKey(call.db, given, call.now);
		if (given !== undefined && !key) throw forbidden('Invalid api_key received');
		if (key) await checkKeyRate(key, call.now);
		const range = dateRange(call.params, call.now, true);
		const rows = await publicUpdates(call.db, call.moduleId, {
			from: range.from,
			to: range.to ?? call.now,
			...pageParams(call.params)
		});
		return respond(
			call,
			'service_request_updates',
			list(
				'request_update',
				rows.map((r) => updateNode(r, call.origin, Boolean(key)))
			)
		);
	});

const UPDATE_STATUSES = new Set([
	...Object.values(open311ExtendedStatus),
	'OPEN',
	'CLOSED',
	'ACTION_SCHEDULED',
	'INVESTIGATING',
	'INTERNAL_REFERRAL',
	'FOR_TRIAGE',
	'CANCELLED',
	'REOPEN'
]);

export const postUpdate = (input: Open311Input) =>
	run(input, async (call) => {
		const { params } = call;
		const key = await requireApiKey(call.db, params.get('api_key'), call.now);
		const required = ['service_request_id', 'update_id', 'updated_datetime', 'status', 'description'];
		const missing = required.filter((name) => params.get(name) === undefined);
		if (missing.length) throw badRequest(missing.map((name) => `${name} is required`));
		const updatedAt = parseW3c(params.get('updated_datetime')!);
		if (!updatedAt) throw badRequest('updated_datetime must be a W3C datetime with a timezone');
		const status = params.get('status')!.toUpperCase().replace(/ /g, '_');
		if (!UPDATE_STATUSES.has(status)) throw badRequest('status is not a known Open311 status');
		const description = params.get('description')!;
		if (description.length > REPORT_DESCRIPTION_MAX)
			throw badRequest(`description must be at most ${REPORT_DESCRIPTION_MAX} characters`);
		const number = requestNumber(params.get('service_request_id')!);
		if (number === null) throw notFound('service_request_id not found');
		const externalId = params.get('update_id')!;
		if (externalId.length > 200) throw badRequest('update_id is too long');
		const result = await addOpen311Update(
			key,
			call.moduleId,
			{
				number,
				externalId,
				status,
				description,
				updatedAt,
				name: personName(params),
				mediaUrls: params.all('media_url')
			},
			call.now
		);
		if (!result.ok) {
			if (result.errors.service_request_id) throw notFound('service_request_id not found');
			throw badRequest('Duplicate update: this update_id was already received');
		}
		return respond(call, 'service_request_updates', list('request_update', [{ update_id: result.value.id }]));
	});
