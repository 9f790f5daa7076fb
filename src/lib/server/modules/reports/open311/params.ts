/**
 * Open311 parameters: merged from the query string and the form body (FMS sends `jurisdiction_id` in the body, the
 * npm client in the query, `api_key` comes either way), with an empty parameter treated exactly like an absent one,
 * and `attribute[CODE]=v` / `attribute[CODE][]=v` read into answers.
 */
export class Open311Params {
	readonly #values = new Map<string, string[]>();
	/** Files of a multipart body (FMS sends photos as `photo1…photoN`). */
	readonly files: { name: string; file: File }[] = [];

	add(name: string, value: FormDataEntryValue) {
		if (typeof value !== 'string') {
			if (value.size > 0) this.files.push({ name, file: value });
			return;
		}
		const values = this.#values.get(name) ?? [];
		values.push(value);
		this.#values.set(name, values);
	}

	/** The first non-empty value, trimmed; undefined when absent or empty. */
	get(name: string): string | undefined {
		for (const v of this.#values.get(name) ?? []) {
			if (v.trim() !== '') return v.trim();
		}
		return undefined;
	}

	/** Every non-empty value of a repeatable parameter. */
	all(name: string): string[] {
		return (this.#values.get(name) ?? []).map((v) => v.trim()).filter((v) => v !== '');
	}

	/** A comma-separated list parameter (also repeated), without empty items. */
	commaList(name: string): string[] {
		return this.all(name)
			.flatMap((v) => v.split(','))
			.map((v) => v.trim())
			.filter((v) => v !== '');
	}

	/** `attribute[CODE]` → string (a list when repeated), `attribute[CODE][]` → list. */
	attributes(): Record<string, string | string[]> {
		const out: Record<string, string | string[]> = {};
		for (const [name, values] of this.#values) {
			const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
			if (!match) continue;
			const kept = values.filter((v) => v.trim() !== '');
			if (kept.length === 0) continue;
			const code = match[1];
			const previous = out[code];
			const merged = [...(previous === undefined ? [] : Array.isArray(previous) ? previous : [previous]), ...kept];
			out[code] = match[2] || merged.length > 1 ? merged : merged[0];
		}
		return out;
	}

	static fromQuery(url: URL): Open311Params {
		const params = new Open311Params();
		for (const [k, v] of url.searchParams) params.add(k, v);
		return params;
	}
}

const isForm = (type: string) =>
	type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');

/** Query parameters plus, on POST, the form body (url-encoded or multipart). */
export async function readParams(request: Request, url: URL): Promise<Open311Params> {
	const params = Open311Params.fromQuery(url);
	if (request.method === 'POST') {
		const type = (request.headers.get('content-type') ?? '').toLowerCase();
		if (isForm(type)) {
			const form = await request.formData();
			for (const [k, v] of form) params.add(k, v);
		} else if (type === '' || type.startsWith('text/plain')) {
			// Some scripts post a url-encoded body without a content type.
			const text = await request.text();
			for (const [k, v] of new URLSearchParams(text)) params.add(k, v);
		}
	}
	return params;
}
