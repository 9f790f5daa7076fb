/**
 * Open311 errors: always a list of `{code, description}` (`<errors><error>…</error></errors>` in XML), with the HTTP
 * status the standard gives (404 unknown resource / service_code / jurisdiction, 403 api_key, 400 everything else;
 * 429 when a key's rate limit is used up). Descriptions are English, as in the standard's examples.
 */
import { list, sparkResponse, type Open311Format } from './spark.ts';

export interface Open311ErrorItem {
	code: number;
	description: string;
}

export class Open311Error extends Error {
	readonly status: number;
	readonly errors: Open311ErrorItem[];
	readonly headers: Record<string, string>;
	constructor(status: number, descriptions: string | string[], headers: Record<string, string> = {}) {
		const all = Array.isArray(descriptions) ? descriptions : [descriptions];
		super(all.join('; '));
		this.status = status;
		this.errors = all.map((description) => ({ code: status, description }));
		this.headers = headers;
	}
}

export const badRequest = (descriptions: string | string[]) => new Open311Error(400, descriptions);
export const notFound = (description: string) => new Open311Error(404, description);
export const forbidden = (description: string) => new Open311Error(403, description);

export function errorResponse(format: Open311Format, error: Open311Error): Response {
	return sparkResponse(
		format,
		'errors',
		list(
			'error',
			error.errors.map((e) => ({ code: e.code, description: e.description }))
		),
		error.status,
		error.headers
	);
}
