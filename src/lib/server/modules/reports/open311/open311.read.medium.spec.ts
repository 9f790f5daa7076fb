/** Open311 GET endpoints on a real database: discovery, services, definitions, requests (filters), one request, tokens. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../../tests/setup/database.ts';
import { person } from '../../../../../../tests/support/spaces.ts';
import { getDb } from '../../../platform/db/index.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { insertReport, reportsSetup } from '../test-support.ts';
import {
	discovery,
	getRequest,
	getRequests,
	getToken,
	getUpdates,
	serviceDefinition,
	serviceList
} from './endpoints.ts';
import { jsonAsSpark, xmlAsSpark } from './spark-compare.ts';
import { callOpen311 } from './test-client.ts';

useTestDatabase();

const W3C_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
type Row = Record<string, unknown>;

async function setup() {
	const admin = await person(['admin']);
	return reportsSetup(admin);
}

/** Both formats of one GET, checked to say the same thing under the Spark mapping. */
async function both(endpoint: Parameters<typeof callOpen311>[0], path: string, args: string[] = []) {
	const json = await callOpen311(endpoint, `${path.replace('{f}', 'json')}`, { args });
	const xml = await callOpen311(endpoint, `${path.replace('{f}', 'xml')}`, { args });
	expect(json.status).toBe(xml.status);
	expect(json.type).toBe('application/json; charset=utf-8');
	expect(xml.type).toBe('text/xml; charset=utf-8');
	expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
	expect(xmlAsSpark(xml.text)).toEqual(jsonAsSpark(json.json()));
	return { status: json.status, body: json.json() as Row[] & Row, xml: xml.text };
}

describe('Open311 discovery and services', () => {
	it('discovery lists the v2 endpoint with both formats, a contact, a key service and a past changeset', async () => {
		await setup();
		const { status, body, xml } = await both(discovery, '/open311/v2/discovery.{f}');
		expect(status).toBe(200);
		expect(body.contact).toMatch(/^Primăria Municipiului Timișoara, problem reports: .+\/reports$/);
		expect(body.key_service).toMatch(/issued by the city's administrators/);
		expect(String(body.changeset)).toMatch(W3C_WITH_OFFSET);
		expect(Date.parse(String(body.changeset))).toBeLessThanOrEqual(Date.now());
		const [endpoint] = body.endpoints as Row[];
		expect(endpoint).toMatchObject({
			specification: 'http://wiki.open311.org/GeoReport_v2',
			url: 'http://localhost/open311/v2',
			type: 'production',
			formats: ['text/xml', 'application/json']
		});
		expect(xml).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
	});

	it('services are the active leaves, with their group and metadata; groups and inactive ones are not services', async () => {
		const s = await setup();
		const db = await getDb();
		const { reportsCategories } = await import('../schema.ts');
		await db.update(reportsCategories).set({ active: false }).where(eq(reportsCategories.id, s.categories.garbage.id));
		const { status, body } = await both(serviceList, '/open311/v2/services.{f}?jurisdiction_id=timisoara.ro');
		expect(status).toBe(200);
		expect(body.map((x: Row) => x.service_code).sort()).toEqual(['pothole', 'streetlight']);
		const pothole = body.find((x: Row) => x.service_code === 'pothole');
		expect(pothole).toEqual({
			service_code: 'pothole',
			service_name: 'Groapă în carosabil',
			description: 'Gropi în asfalt, pe stradă sau în parcare.',
			metadata: true,
			type: 'realtime',
			keywords: 'groapa,asfalt',
			group: 'Drumuri și trotuare'
		});
		expect(body.find((x: Row) => x.service_code === 'streetlight')?.metadata).toBe(false);
		const english = await callOpen311(serviceList, '/open311/v2/services.json?locale=en');
		expect((english.json() as Row[]).find((x) => x.service_code === 'pothole')!.service_name).toBe('Pothole');
	});

	it('an unknown jurisdiction is a 404 error list in both formats; an empty one is like none', async () => {
		await setup();
		const { status, body, xml } = await both(serviceList, '/open311/v2/services.{f}?jurisdiction_id=primariatm.ro');
		expect(status).toBe(404);
		expect(body).toEqual([{ code: 404, description: 'jurisdiction_id not found' }]);
		expect(xml).toContain(
			'<errors><error><code>404</code><description>jurisdiction_id not found</description></error></errors>'
		);
		expect((await callOpen311(serviceList, '/open311/v2/services.json?jurisdiction_id=')).status).toBe(200);
		expect((await callOpen311(serviceList, '/open311/v2/services.html')).status).toBe(404);
	});

	it('the service definition gives the questions as ordered attributes with list values; unknown codes are 404', async () => {
		await setup();
		const { status, body } = await both(serviceDefinition, '/open311/v2/services/pothole.{f}', ['pothole']);
		expect(status).toBe(200);
		expect(body.service_code).toBe('pothole');
		expect(body.attributes).toEqual([
			{
				variable: true,
				code: 'dangerous',
				datatype: 'singlevaluelist',
				required: true,
				datatype_description: null,
				order: 1,
				description: 'Este periculos pentru trecători sau mașini?',
				values: [
					{ key: 'yes', name: 'Da' },
					{ key: 'no', name: 'Nu' }
				]
			},
			{
				variable: true,
				code: 'depth_cm',
				datatype: 'number',
				required: false,
				datatype_description: null,
				order: 2,
				description: 'Cât de adâncă este (cm)?'
			}
		]);
		const unknown = await both(serviceDefinition, '/open311/v2/services/nope.{f}', ['nope']);
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual([{ code: 404, description: 'service_code not found' }]);
		const group = await callOpen311(serviceDefinition, '/open311/v2/services/roads.json', { args: ['roads'] });
		expect(group.status).toBe(404);
	});
});

describe('Open311 GET requests', () => {
	it('lists public requests newest first with every field, datetimes with an offset, no personal data', async () => {
		const s = await setup();
		const author = await person([]);
		const older = await insertReport(s, { createdAt: new Date(Date.now() - 3 * 86_400_000), authorId: author.id });
		const newer = await insertReport(s, { categoryId: s.categories.streetlight.id, state: 'fixed', address: null });
		const hidden = await insertReport(s, {});
		const db = await getDb();
		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));
		await db
			.update(reportsReports)
			.set({ contactEmail: 'secret@example.ro', contactName: 'Ion Secret' })
			.where(eq(reportsReports.id, older.id));
		const { status, body } = await both(getRequests, '/open311/v2/requests.{f}');
		expect(status).toBe(200);
		expect(body.map((r: Row) => r.service_request_id)).toEqual([String(newer.number), String(older.number)]);
		const first = body[0] as Row;
		expect(Object.keys(first)).toEqual([
			'service_request_id',
			'status',
			'status_notes',
			'service_name',
			'service_code',
			'description',
			'agency_responsible',
			'service_notice',
			'requested_datetime',
			'updated_datetime',
			'expected_datetime',
			'address',
			'address_id',
			'zipcode',
			'lat',
			'long',
			'media_url'
		]);
		expect(first).toMatchObject({
			status: 'closed',
			service_code: 'streetlight',
			agency_responsible: 'Serviciul Iluminat Public',
			address: null,
			lat: 45.7537,
			long: 21.2257
		});
		expect(String(first.service_notice)).toMatch(/Anonymous notice/);
		const second = body[1] as Row;
		expect(second.status).toBe('open');
		expect(second.service_notice).toBeNull();
		expect(String(second.requested_datetime)).toMatch(W3C_WITH_OFFSET);
		expect(String(second.expected_datetime)).toMatch(W3C_WITH_OFFSET);
		const json = JSON.stringify(body);
		expect(json).not.toContain('secret@example.ro');
		expect(json).not.toContain('Ion Secret');
	});

	it('filters by status and service_code (comma lists); empty parameters are ignored; ids override everything', async () => {
		const s = await setup();
		const open = await insertReport(s, {});
		const fixed = await insertReport(s, { state: 'fixed' });
		const light = await insertReport(s, { categoryId: s.categories.streetlight.id });
		const ids = async (query: string) =>
			((await callOpen311(getRequests, `/open311/v2/requests.json${query}`)).json() as Row[]).map(
				(r) => r.service_request_id
			);
		const n = (r: { number: number }) => String(r.number);
		expect(await ids('?status=open')).toEqual([n(light), n(open)]);
		expect(await ids('?status=closed')).toEqual([n(fixed)]);
		expect(await ids('?status=open,closed')).toEqual([n(light), n(fixed), n(open)]);
		expect(await ids('?service_code=streetlight')).toEqual([n(light)]);
		expect(await ids('?service_code=streetlight,pothole&status=open')).toEqual([n(light), n(open)]);
		expect(await ids('?status=&service_code=&start_date=&end_date=&bbox=')).toEqual(await ids(''));
		expect(await ids(`?service_request_id=${n(fixed)},${n(open)}&status=open&service_code=streetlight`)).toEqual([
			n(fixed),
			n(open)
		]);
		expect(await ids(`?service_request_id=TM-2026-${String(open.number).padStart(6, '0')}`)).toEqual([n(open)]);
		const bad = await callOpen311(getRequests, '/open311/v2/requests.xml?status=pending');
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('<errors><error><code>400</code>');
	});

	it('covers the last 90 days by default; start/end dates filter and a range over 90 days is a 400', async () => {
		const s = await setup();
		const day = 86_400_000;
		const old = await insertReport(s, { createdAt: new Date(Date.now() - 100 * day) });
		const recent = await insertReport(s, { createdAt: new Date(Date.now() - 10 * day) });
		const ids = async (query: string) => {
			const r = await callOpen311(getRequests, `/open311/v2/requests.json${query}`);
			return r.status === 200 ? (r.json() as Row[]).map((x) => x.service_request_id) : r.status;
		};
		expect(await ids('')).toEqual([String(recent.number)]);
		const iso = (ms: number) => new Date(ms).toISOString();
		expect(await ids(`?start_date=${iso(Date.now() - 120 * day)}&end_date=${iso(Date.now() - 50 * day)}`)).toEqual([
			String(old.number)
		]);
		expect(
			await ids(`?start_date=${encodeURIComponent('2026-01-01T00:00:00+02:00')}&end_date=2026-06-01T00:00:00Z`)
		).toBe(400);
		expect(await ids('?start_date=yesterday')).toBe(400);
		expect(await ids(`?end_date=${iso(Date.now() - 95 * day)}`)).toEqual([String(old.number)]);
	});

	it('filters by bounding box and by distance around a point', async () => {
		const s = await setup();
		const centre = await insertReport(s, { lat: 45.7537, lng: 21.2257 });
		const near = await insertReport(s, { lat: 45.757, lng: 21.2257 }); // ≈ 370 m north
		const far = await insertReport(s, { lat: 45.79, lng: 21.27 });
		const ids = async (query: string) =>
			((await callOpen311(getRequests, `/open311/v2/requests.json${query}`)).json() as Row[])
				.map((x) => x.service_request_id)
				.sort();
		const sorted = (...r: { number: number }[]) => r.map((x) => String(x.number)).sort();
		expect(await ids('?bbox=21.2,45.74,21.25,45.76')).toEqual(sorted(centre, near));
		expect(await ids('?bbox=21.26,45.78,21.28,45.8')).toEqual(sorted(far));
		expect(await ids('?lat=45.7537&long=21.2257&radius=200')).toEqual(sorted(centre));
		expect(await ids('?lat=45.7537&long=21.2257&radius=500')).toEqual(sorted(centre, near));
		expect((await callOpen311(getRequests, '/open311/v2/requests.json?bbox=1,2,3')).status).toBe(400);
		expect((await callOpen311(getRequests, '/open311/v2/requests.json?lat=45.7')).status).toBe(400);
	});

	it('pages from 1 with page_size, and answers an empty list past the end', async () => {
		const s = await setup();
		const made = [];
		for (let i = 0; i < 5; i++) made.push(await insertReport(s, { createdAt: new Date(Date.now() - i * 60_000) }));
		const page = async (q: string) =>
			((await callOpen311(getRequests, `/open311/v2/requests.json?${q}`)).json() as Row[]).map(
				(x) => x.service_request_id
			);
		expect(await page('page_size=2')).toEqual([made[0], made[1]].map((r) => String(r.number)));
		expect(await page('page_size=2&page=3')).toEqual([String(made[4].number)]);
		expect(await page('page_size=2&page=4')).toEqual([]);
		const xml = await callOpen311(getRequests, '/open311/v2/requests.xml?page_size=2&page=4');
		expect(xml.text).toContain('<service_requests></service_requests>');
		expect((await callOpen311(getRequests, '/open311/v2/requests.json?page=0')).status).toBe(400);
		expect((await callOpen311(getRequests, '/open311/v2/requests.json?page_size=1001')).status).toBe(400);
	});

	it('extensions=true adds the answers, the registration number, photos and the public timeline', async () => {
		const s = await setup();
		const r = await insertReport(s, { answers: { dangerous: 'yes', depth_cm: '12' } });
		const db = await getDb();
		await db.insert(reportsUpdates).values([
			{ reportId: r.id, kind: 'public', text: 'Echipa a fost trimisă.', toState: 'in_progress', fromState: 'new' },
			{ reportId: r.id, kind: 'internal', text: 'Notă internă secretă' }
		]);
		const { body } = await both(getRequests, '/open311/v2/requests.{f}?extensions=true');
		const [one] = body as Row[];
		expect(one.attributes).toEqual([
			{ code: 'dangerous', name: 'Este periculos pentru trecători sau mașini?', value: 'yes', label: 'Da' },
			{ code: 'depth_cm', name: 'Cât de adâncă este (cm)?', value: '12', label: '12' }
		]);
		const ext = one.extended_attributes as Row;
		expect(ext.registration_number).toMatch(/^TM-\d{4}-\d{6}$/);
		expect(ext.channel).toBe('web');
		expect(one.notes).toEqual([
			expect.objectContaining({ description: 'Echipa a fost trimisă.', type: 'status_change', status: 'open' })
		]);
		expect(JSON.stringify(body)).not.toContain('Notă internă');
		expect(one.status_notes).toBe('Echipa a fost trimisă.');
	});
});

describe('Open311 one request and tokens', () => {
	it('requests/{id} is a list of one; unknown or hidden ids are 404 with an error list', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		const hidden = await insertReport(s, {});
		await (await getDb()).update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));
		const { status, body } = await both(getRequest, `/open311/v2/requests/${r.number}.{f}`, [String(r.number)]);
		expect(status).toBe(200);
		expect(body).toHaveLength(1);
		expect((body[0] as Row).service_request_id).toBe(String(r.number));
		for (const id of [String(hidden.number), '999999', 'abc']) {
			const missing = await both(getRequest, `/open311/v2/requests/${id}.{f}`, [id]);
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual([{ code: 404, description: 'service_request_id not found' }]);
		}
	});

	it('tokens/{token} gives the request id and the token; unknown tokens are 404', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		const { status, body } = await both(getToken, `/open311/v2/tokens/${r.token}.{f}`, [r.token]);
		expect(status).toBe(200);
		expect(body).toEqual([{ service_request_id: String(r.number), token: r.token }]);
		expect((await callOpen311(getToken, '/open311/v2/tokens/nope.json', { args: ['nope'] })).status).toBe(404);
	});
});

describe('FMS servicerequestupdates (GET)', () => {
	it('lists public updates in the period with the state after each; plain clients see OPEN/CLOSED only', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		const db = await getDb();
		const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
		await db.insert(reportsUpdates).values([
			{ reportId: r.id, kind: 'public', text: 'Confirmat.', toState: 'confirmed', createdAt: at(30) },
			{ reportId: r.id, kind: 'public', text: 'Mai lucrăm.', createdAt: at(20) },
			{ reportId: r.id, kind: 'public', text: 'Rezolvat.', toState: 'fixed', createdAt: at(10) },
			{ reportId: r.id, kind: 'internal', text: 'Secret', createdAt: at(5) }
		]);
		const range = `start_date=${at(60).toISOString()}&end_date=${new Date().toISOString()}`;
		const { status, body } = await both(getUpdates, `/open311/v2/servicerequestupdates.{f}?${range}`);
		expect(status).toBe(200);
		expect(body.map((u: Row) => [u.description, u.status])).toEqual([
			['Confirmat.', 'OPEN'],
			['Mai lucrăm.', 'OPEN'],
			['Rezolvat.', 'CLOSED']
		]);
		expect((body[0] as Row).service_request_id).toBe(String(r.number));
		expect(String((body[0] as Row).updated_datetime)).toMatch(W3C_WITH_OFFSET);
		const keyed = await callOpen311(getUpdates, `/open311/v2/servicerequestupdates.json?${range}&api_key=env-key`);
		expect(keyed.status).toBe(403);
		process.env.OPEN311_API_KEYS = 'env-key';
		try {
			const extended = await callOpen311(getUpdates, `/open311/v2/servicerequestupdates.json?${range}&api_key=env-key`);
			expect((extended.json() as Row[]).map((u) => u.status)).toEqual(['OPEN', 'OPEN', 'FIXED']);
		} finally {
			delete process.env.OPEN311_API_KEYS;
		}
		const half = await callOpen311(
			getUpdates,
			`/open311/v2/servicerequestupdates.json?start_date=${at(60).toISOString()}`
		);
		expect(half.status).toBe(400);
	});
});
