/**
 * Real Open311 clients against the running server: the npm package `open311` (JSON) walks discovery → services →
 * definition → POST → requests, and an XML client that parses as FixMyStreet does (Perl XML::Simple with FMS's
 * ForceArray options) walks every endpoint, including FMS's servicerequestupdates. Neither is skipped: without perl
 * or XML::Simple the story fails (`.ci/run` installs libxml-simple-perl).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { call, open311Client } from './support/open311-npm-client.ts';

interface Hook {
	key: string;
	serviceCode: string;
	jurisdiction: string;
}

async function prepare(base: string): Promise<Hook> {
	const r = await fetch(`${base}/test-hooks/open311`, { method: 'POST', headers: { origin: base } });
	expect(r.status).toBe(200);
	return (await r.json()) as Hook;
}

describe('Open311 clients report a problem and read it back', () => {
	it('the npm open311 client (JSON mode) discovers the API, reads the service, posts a request and finds it', async () => {
		const base = inject('baseURL');
		const hook = await prepare(base);
		const client = open311Client({
			discovery: `${base}/open311/discovery.json`,
			jurisdiction: hook.jurisdiction,
			apiKey: hook.key
		});
		const discovery = await call((cb) => client.serviceDiscovery({ cache: true }, cb));
		expect(discovery.endpoints[0].url).toBe(`${base}/open311/v2`);
		const services = await call((cb) => client.serviceList(cb));
		const service = services.find((s: { service_code: string }) => s.service_code === hook.serviceCode);
		expect(service).toMatchObject({ metadata: true, type: 'realtime', keywords: 'groapa,asfalt' });
		const definition = await call((cb) => client.serviceDefinition(hook.serviceCode, cb));
		expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['dangerous', 'depth_cm']);

		const created = await call((cb) =>
			client.submitRequest(
				{
					service_code: hook.serviceCode,
					lat: 45.7537,
					long: 21.2257,
					description: 'Groapă adâncă pe Bulevardul Revoluției.',
					email: 'ion.pop@example.ro',
					first_name: 'Ion',
					last_name: 'Pop',
					attributes: { dangerous: 'no', depth_cm: 8 }
				},
				cb
			)
		);
		expect(created).toHaveLength(1);
		const id = created[0].service_request_id as string;
		expect(id).toMatch(/^\d+$/);
		expect(created[0].token).toBeUndefined();

		const open = await call((cb) => client.serviceRequests({ status: 'open', service_code: hook.serviceCode }, cb));
		expect(open.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
		const [mine] = await call((cb) => client.serviceRequests([id], {}, cb));
		expect(mine).toMatchObject({
			service_request_id: id,
			status: 'open',
			description: 'Groapă adâncă pe Bulevardul Revoluției.'
		});
		expect(mine.requested_datetime).toBeInstanceOf(Date);
		expect(Number.isNaN(mine.requested_datetime.getTime())).toBe(false);
		const [single] = await call((cb) => client.serviceRequests(id, {}, cb));
		expect(single.service_request_id).toBe(id);
		// A wrong key is refused (the client reports the HTTP status).
		const wrong = open311Client({
			discovery: `${base}/open311/discovery.json`,
			jurisdiction: hook.jurisdiction,
			apiKey: 'nope'
		});
		await call((cb) => wrong.serviceDiscovery({ cache: true }, cb));
		await expect(
			call((cb) =>
				wrong.submitRequest(
					{ service_code: hook.serviceCode, lat: 45.75, long: 21.22, attributes: { dangerous: 'no' } },
					cb
				)
			)
		).rejects.toThrow(/open311 client error 403/);
	});

	it('an XML client parsing as FixMyStreet does reads every endpoint, posts a request and an update', async () => {
		const base = inject('baseURL');
		const hook = await prepare(base);
		const run = spawnSync(
			'perl',
			['tests/e2e/support/open311-fms-client.pl', base, hook.key, hook.serviceCode, hook.jurisdiction],
			{ encoding: 'utf8' }
		);
		if (run.error) throw new Error(`perl could not run (install perl and libxml-simple-perl): ${run.error.message}`);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.discovery_url).toBe(`${base}/open311/v2`);
		expect(out.discovery_formats).toEqual(['text/xml', 'application/json']);
		expect(out.service).toMatchObject({ service_code: hook.serviceCode, metadata: 'true', type: 'realtime' });
		expect(out.attributes).toEqual([
			{ code: 'dangerous', datatype: 'singlevaluelist', required: 'true', order: '1', values: ['yes', 'no'] },
			{ code: 'depth_cm', datatype: 'number', required: 'false', order: '2', values: [] }
		]);
		expect(out.service_notice).toMatch(/^Registered as TM-\d{4}-\d{6}/);
		expect(out.request).toMatchObject({
			service_request_id: out.created_id,
			status: 'open',
			service_code: hook.serviceCode,
			description: 'Groapă adâncă\n\nÎn fața blocului, pe banda din dreapta.',
			lat: '45.7489',
			long: '21.2087'
		});
		// Empty elements come back as undef (SuppressEmpty), which JSON prints as null.
		expect(out.request.address_id).toBeNull();
		expect(out.request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
		expect(out.listed_ids).toEqual([out.created_id]);
		expect(out.no_key).toEqual({ status: 403, code: '403', description: 'api_key is required' });
		expect(out.missing_attribute.status).toBe(400);
		expect(out.missing_attribute.description).toMatch(/^attribute\[dangerous\]/);
		expect(out.unknown_request).toEqual({ status: 404, code: '404' });
		expect(out.update_id).toBeTruthy();
		expect(out.duplicate_update_status).toBe(400);
		expect(out.updates).toEqual([
			expect.objectContaining({
				update_id: out.update_id,
				service_request_id: out.created_id,
				status: 'OPEN',
				description: 'Încă nu a fost reparată.'
			})
		]);
	});
});
