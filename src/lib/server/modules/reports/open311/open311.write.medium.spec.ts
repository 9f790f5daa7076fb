/** Open311 writes on a real database: POST requests (keys, validation, rate limit), FMS update posts, API keys. */
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../../tests/setup/database.ts';
import { person } from '../../../../../../tests/support/spaces.ts';
import { getDb } from '../../../platform/db/index.ts';
import { auditLog } from '../../../platform/db/schema.ts';
import { ForbiddenError } from '../../../platform/result.ts';
import { createApiKey } from '../commands/create-api-key.ts';
import { revokeApiKey } from '../commands/revoke-api-key.ts';
import { reportsApiKeys, reportsReports, reportsUpdates } from '../schema.ts';
import { insertReport, reportsSetup } from '../test-support.ts';
import { hashApiKey, listApiKeys } from './api-keys.ts';
import { getRequests, getToken, postRequest, postUpdate } from './endpoints.ts';
import { callOpen311 } from './test-client.ts';

useTestDatabase();

type Row = Record<string, unknown>;
const ENV_KEY = 'env-open311-key';

afterEach(() => {
	delete process.env.OPEN311_API_KEYS;
	delete process.env.OPEN311_RATE_LIMIT;
});

async function setup() {
	const admin = await person(['admin']);
	const s = await reportsSetup(admin);
	process.env.OPEN311_API_KEYS = `other, ${ENV_KEY}`;
	return { ...s, admin };
}

const valid = {
	api_key: ENV_KEY,
	service_code: 'pothole',
	lat: '45.7537',
	long: '21.2257',
	description: 'Groapă mare în fața școlii.',
	'attribute[dangerous]': 'yes',
	email: 'ana@example.ro',
	first_name: 'Ana',
	last_name: 'Pop'
};

const post = (body: Record<string, string | string[]>, format = 'json', query = '') =>
	callOpen311(postRequest, `/open311/v2/requests.${format}${query}`, { body });

describe('Open311 POST requests', () => {
	it('registers a report through createReport and answers exactly one service_request_id (no token)', async () => {
		const s = await setup();
		const answer = await post(valid, 'json', '?jurisdiction_id=timisoara.ro');
		expect(answer.status).toBe(200);
		const [created] = answer.json() as Row[];
		expect(Object.keys(created).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
		expect(created.service_request_id).toMatch(/^\d+$/);
		expect(String(created.service_notice)).toMatch(/^Registered as TM-\d{4}-\d{6}; the legal answer is due by/);
		const [row] = await (
			await getDb()
		)
			.select()
			.from(reportsReports)
			.where(eq(reportsReports.number, Number(created.service_request_id)));
		expect(row).toMatchObject({
			moduleId: s.moduleId,
			categoryId: s.categories.pothole.id,
			departmentId: s.departments.roads.id,
			channel: 'open311',
			contactEmail: 'ana@example.ro',
			contactName: 'Ana Pop',
			anonymousNotice: false,
			answers: { dangerous: 'yes' },
			lat: 45.7537,
			lng: 21.2257
		});
		expect(row.apiKeyId).toMatch(/^env:/);
		expect(row.neighbourhoodId).toBe(s.neighbourhood.id);
		// The new request is readable at once, and its token leads back to it.
		const list = (await callOpen311(getRequests, '/open311/v2/requests.json')).json() as Row[];
		expect(list.map((r) => r.service_request_id)).toContain(created.service_request_id);
		const token = await callOpen311(getToken, `/open311/v2/tokens/${row.token}.json`, { args: [row.token] });
		expect(token.json()).toEqual([{ service_request_id: created.service_request_id, token: row.token }]);
	});

	it('answers XML too, and a report without contact is an anonymous notice with no answer date', async () => {
		await setup();
		const { email: _e, first_name: _f, last_name: _l, ...anonymous } = valid;
		const answer = await post({ ...anonymous, address_string: 'Str. Alba Iulia 2' }, 'xml');
		expect(answer.status).toBe(200);
		expect(answer.text).toMatch(
			/^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>\d+<\/service_request_id><service_notice>Anonymous notice/
		);
		const [row] = await (await getDb()).select().from(reportsReports);
		expect(row.anonymousNotice).toBe(true);
		expect(row.dueOn).toBeNull();
		expect(row.address).toBe('Str. Alba Iulia 2');
	});

	it('refuses a missing or invalid key with 403 (the key may also come in the query string)', async () => {
		await setup();
		const { api_key: _k, ...noKey } = valid;
		const missing = await post(noKey, 'xml');
		expect(missing.status).toBe(403);
		expect(missing.text).toContain('<errors><error><code>403</code><description>api_key is required</description>');
		const wrong = await post({ ...valid, api_key: 'nope' });
		expect(wrong.status).toBe(403);
		expect(wrong.json()).toEqual([{ code: 403, description: 'Invalid api_key received' }]);
		expect((await post(noKey, 'json', `?api_key=${ENV_KEY}`)).status).toBe(200);
		expect((await post(valid, 'json', '?jurisdiction_id=elsewhere.ro')).status).toBe(404);
	});

	it('validates: service_code (400 missing, 404 unknown), location, required attributes, list values, 4001 chars', async () => {
		await setup();
		const { service_code: _c, ...noCode } = valid;
		expect((await post(noCode)).status).toBe(400);
		const unknown = await post({ ...valid, service_code: 'nope' });
		expect(unknown.status).toBe(404);
		expect(unknown.json()).toEqual([{ code: 404, description: 'service_code not found' }]);
		const { lat: _a, long: _b, ...noPlace } = valid;
		const place = await post(noPlace);
		expect(place.status).toBe(400);
		expect((place.json() as Row[])[0].description).toMatch(/location is required/);
		expect((await post({ ...noPlace, lat: '45.75' })).status).toBe(400);
		const { 'attribute[dangerous]': _d, ...noAnswer } = valid;
		const required = await post(noAnswer);
		expect(required.status).toBe(400);
		expect((required.json() as Row[])[0].description).toMatch(/^attribute\[dangerous\]: /);
		expect((await post({ ...valid, 'attribute[dangerous]': 'maybe' })).status).toBe(400);
		expect((await post({ ...valid, 'attribute[depth_cm]': 'deep' })).status).toBe(400);
		const long = await post({ ...valid, description: 'x'.repeat(4001) });
		expect(long.status).toBe(400);
		expect(long.json()).toEqual([{ code: 400, description: 'description must be at most 4000 characters' }]);
		expect((await post({ ...valid, lat: '44.0', long: '26.1' })).status).toBe(400);
		expect((await post({ ...valid, description: 'x'.repeat(4000) })).status).toBe(200);
		const [{ n }] = await (await getDb()).select({ n: count() }).from(reportsReports);
		expect(n).toBe(1);
	});

	it('accepts keys administrators issue until they are revoked', async () => {
		const s = await setup();
		delete process.env.OPEN311_API_KEYS;
		const issued = await createApiKey(s.admin, { name: 'FixMyStreet Timișoara' });
		if (!issued.ok) throw new Error('not issued');
		const [stored] = await (await getDb()).select().from(reportsApiKeys);
		expect(stored.keyHash).toBe(hashApiKey(issued.value.key));
		expect(JSON.stringify(stored)).not.toContain(issued.value.key);
		expect((await post({ ...valid, api_key: issued.value.key })).status).toBe(200);
		const [used] = await (await getDb()).select().from(reportsApiKeys);
		expect(used.lastUsedAt).not.toBeNull();
		const revoked = await revokeApiKey(s.admin, issued.value.id);
		expect(revoked).toEqual({ ok: true, value: { revoked: true } });
		expect(await revokeApiKey(s.admin, issued.value.id)).toEqual({ ok: true, value: { revoked: false } });
		expect((await post({ ...valid, api_key: issued.value.key, description: 'Alta.' })).status).toBe(403);
		const audit = await (await getDb()).select().from(auditLog).where(eq(auditLog.resourceId, issued.value.id));
		expect(audit.map((a) => a.action).sort()).toEqual(['reports.api_key.create', 'reports.api_key.revoke']);
	});

	it('rate-limits each key (429 with Retry-After in the error list)', async () => {
		await setup();
		process.env.OPEN311_RATE_LIMIT = '2';
		expect((await post({ ...valid, description: 'Prima.' })).status).toBe(200);
		expect((await post({ ...valid, description: 'A doua.' })).status).toBe(200);
		const third = await post({ ...valid, description: 'A treia.' });
		expect(third.status).toBe(429);
		expect((third.json() as Row[])[0]).toMatchObject({ code: 429 });
		// Another key has its own allowance.
		expect((await post({ ...valid, api_key: 'other', description: 'Alt client.' })).status).toBe(200);
	});
});

describe('API key commands', () => {
	it('only administrators issue or revoke keys; a refused call writes nothing', async () => {
		const s = await setup();
		const staff = s.staff.roads;
		const citizen = await person([]);
		for (const actor of [citizen, staff, { kind: 'anonymous' as const, context: {} }]) {
			await expect(createApiKey(actor, { name: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listApiKeys(actor)).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await (await getDb()).select().from(reportsApiKeys)).toHaveLength(0);
		const issued = await createApiKey(s.admin, { name: 'Client' });
		if (!issued.ok) throw new Error('not issued');
		await expect(revokeApiKey(staff, issued.value.id)).rejects.toBeInstanceOf(ForbiddenError);
		const [key] = await (await getDb()).select().from(reportsApiKeys);
		expect(key.revokedAt).toBeNull();
		expect((await listApiKeys(s.admin)).map((k) => k.name)).toEqual(['Client']);
		expect(await createApiKey(s.admin, { name: '  ' })).toEqual({ ok: false, errors: { name: 'validation_required' } });
	});
});

describe('FMS servicerequestupdates (POST)', () => {
	const update = (number: number, extra: Record<string, string> = {}) => ({
		api_key: ENV_KEY,
		jurisdiction_id: 'timisoara.ro',
		service_request_id: String(number),
		update_id: 'fms-101',
		updated_datetime: '2026-11-20T10:00:00+02:00',
		status: 'OPEN',
		description: 'Încă nu s-a reparat.',
		first_name: 'Ana',
		last_name: '-',
		email: 'ana@example.ro',
		...extra
	});
	const postUpd = (body: Record<string, string>, format = 'xml') =>
		callOpen311(postUpdate, `/open311/v2/servicerequestupdates.${format}`, { body });

	it('records a public update once per key and update_id, and never moves the report', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		const first = await postUpd(update(r.number));
		expect(first.status).toBe(200);
		expect(first.text).toMatch(
			/<service_request_updates><request_update><update_id>[^<]+<\/update_id><\/request_update><\/service_request_updates>/
		);
		const again = await postUpd(update(r.number), 'json');
		expect(again.status).toBe(400);
		expect((again.json() as Row[])[0].description).toMatch(/Duplicate/);
		const rows = await (await getDb()).select().from(reportsUpdates).where(eq(reportsUpdates.reportId, r.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ kind: 'public', text: 'Încă nu s-a reparat.', externalId: 'fms-101' });
		expect(rows[0].data).toMatchObject({ status: 'OPEN', name: 'Ana' });
		const [report] = await (await getDb()).select().from(reportsReports).where(eq(reportsReports.id, r.id));
		expect(report.state).toBe('new');
	});

	it('two concurrent posts of the same update_id store it once', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		const answers = await Promise.all([postUpd(update(r.number)), postUpd(update(r.number))]);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
		const rows = await (await getDb()).select().from(reportsUpdates).where(eq(reportsUpdates.reportId, r.id));
		expect(rows).toHaveLength(1);
	});

	it('needs a key (403), the five required fields (400) and a known request (404)', async () => {
		const s = await setup();
		const r = await insertReport(s, {});
		expect((await postUpd({ ...update(r.number), api_key: 'nope' })).status).toBe(403);
		const { description: _d, status: _s, ...partial } = update(r.number);
		const missing = await postUpd(partial, 'json');
		expect(missing.status).toBe(400);
		expect(missing.json()).toEqual([
			{ code: 400, description: 'status is required' },
			{ code: 400, description: 'description is required' }
		]);
		expect((await postUpd(update(r.number, { updated_datetime: 'ieri' }))).status).toBe(400);
		expect((await postUpd(update(r.number, { status: 'MAYBE' }))).status).toBe(400);
		expect((await postUpd(update(999999))).status).toBe(404);
	});
});
