/** For medium tests: calls an Open311 endpoint function as a route would, with a real Request. */
import type { Open311Input } from './endpoints.ts';

type Endpoint = (input: Open311Input, ...args: string[]) => Promise<Response>;

export interface Answer {
	status: number;
	type: string;
	text: string;
	json: () => unknown;
}

/** `path` like `/open311/v2/requests.json?status=open`; the format is the suffix of the last segment. */
export async function callOpen311(
	endpoint: Endpoint,
	path: string,
	options: { args?: string[]; body?: Record<string, string | string[]> | FormData; ip?: string } = {}
): Promise<Answer> {
	const url = new URL(`http://localhost${path}`);
	const format = /\.([a-z]+)$/.exec(url.pathname)?.[1];
	let init: RequestInit = {};
	if (options.body instanceof FormData) init = { method: 'POST', body: options.body };
	else if (options.body) {
		const form = new URLSearchParams();
		for (const [k, v] of Object.entries(options.body)) for (const one of [v].flat()) form.append(k, one);
		init = {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
			body: form.toString()
		};
	}
	const request = new Request(url, init);
	const response = await endpoint({ request, url, format, ip: options.ip ?? '127.0.0.1' }, ...(options.args ?? []));
	const text = await response.text();
	return {
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		text,
		json: () => JSON.parse(text)
	};
}
