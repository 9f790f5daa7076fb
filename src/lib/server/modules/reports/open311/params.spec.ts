import { describe, expect, it } from 'vitest';
import { Open311Params, readParams } from './params.ts';

describe('Open311 parameters', () => {
	it('treats empty parameters as absent and merges the query with a url-encoded body', async () => {
		const request = new Request('http://x/open311/v2/requests.json?jurisdiction_id=timisoara.ro&status=', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
			body: 'api_key=k&service_code=pothole&description=&lat=45.75'
		});
		const params = await readParams(request, new URL(request.url));
		expect(params.get('jurisdiction_id')).toBe('timisoara.ro');
		expect(params.get('api_key')).toBe('k');
		expect(params.get('status')).toBeUndefined();
		expect(params.get('description')).toBeUndefined();
		expect(params.get('lat')).toBe('45.75');
	});

	it('reads attribute[CODE] and attribute[CODE][] (a multivaluelist)', () => {
		const params = Open311Params.fromQuery(
			new URL(
				'http://x/?attribute%5Bdangerous%5D=yes&attribute%5Bkinds%5D%5B%5D=a&attribute%5Bkinds%5D%5B%5D=b&attribute%5Bone%5D%5B%5D=c&attribute%5Bempty%5D='
			)
		);
		expect(params.attributes()).toEqual({ dangerous: 'yes', kinds: ['a', 'b'], one: ['c'] });
	});

	it('splits comma lists and keeps files of a multipart body apart', async () => {
		const form = new FormData();
		form.append('service_request_id', '1, 2,,3');
		form.append('photo1', new File([new Uint8Array([1, 2])], 'a.jpg'));
		form.append('photo2', new File([], ''));
		const request = new Request('http://x/r.xml', { method: 'POST', body: form });
		const params = await readParams(request, new URL(request.url));
		expect(params.commaList('service_request_id')).toEqual(['1', '2', '3']);
		expect(params.files.map((f) => f.name)).toEqual(['photo1']);
	});
});
