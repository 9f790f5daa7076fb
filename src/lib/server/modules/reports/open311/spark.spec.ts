import { describe, expect, it } from 'vitest';
import { jsonAsSpark, xmlAsSpark } from './spark-compare.ts';
import { list, toJson, toXml } from './spark.ts';

describe('the Spark convention (one model → XML and JSON)', () => {
	const services = list('service', [
		{ service_code: 'pothole', service_name: 'Groapă <în> "carosabil" & co', metadata: true, group: null },
		{ service_code: '001', service_name: 'Gunoi', metadata: false, group: 'Salubritate' }
	]);

	it('renders a container of repeated elements as a top-level array, ids as strings, empty as null', () => {
		expect(toJson(services)).toEqual([
			{ service_code: 'pothole', service_name: 'Groapă <în> "carosabil" & co', metadata: true, group: null },
			{ service_code: '001', service_name: 'Gunoi', metadata: false, group: 'Salubritate' }
		]);
		const xml = toXml('services', services);
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
		expect(xml).toContain('<service_name>Groapă &lt;în&gt; &quot;carosabil&quot; &amp; co</service_name>');
		expect(xml).toContain('<group/>');
		expect(xml).toContain('<metadata>true</metadata>');
	});

	it('says the same in both formats (round trip through an XML parser)', () => {
		const discovery = {
			changeset: '2026-11-23T04:00:00+02:00',
			endpoints: list('endpoint', [
				{ url: 'http://x/open311/v2', formats: list('format', ['text/xml', 'application/json']) }
			])
		};
		for (const [root, node] of [
			['services', services],
			['discovery', discovery],
			['errors', list('error', [{ code: 403, description: 'Invalid api_key received' }])]
		] as const) {
			expect(xmlAsSpark(toXml(root, node))).toEqual(jsonAsSpark(toJson(node)));
		}
	});

	it('drops characters XML cannot carry', () => {
		expect(toXml('a', { b: 'x\u0001y' })).toContain('<b>xy</b>');
	});
});
