/**
 * One open-data file: the rows of a module's export over all its published instances (city-wide) or over those of
 * one published process, as RFC 4180 CSV (UTF-8, header of the documented columns) or JSON. Only the declared
 * columns leave the server, whatever else a module's `rows()` returns.
 */
import { getDb } from '../platform/db/index.ts';
import { toCsv } from '../platform/http/csv.ts';
import type { AnyModule } from '../platform/modules/define-module.ts';
import { NotFoundError } from '../platform/result.ts';
import { publishedModules } from '../platform/spaces/published-modules.ts';
import { modules as registered } from '../registry.ts';
import { assertNoPersonalColumns } from './personal-columns.ts';

export interface OpenDataRequest {
	module: string;
	/** `<export>.csv` or `<export>.json`. */
	file: string;
	/** One published process; absent = city-wide. */
	processSlug?: string;
}

export interface OpenDataFile {
	fileName: string;
	contentType: string;
	body: string;
	rows: number;
}

export async function exportOpenData(
	request: OpenDataRequest,
	modules: AnyModule[] = registered
): Promise<OpenDataFile> {
	const parsed = /^([a-z0-9_-]+)\.(csv|json)$/i.exec(request.file);
	const mod = modules.find((m) => m.name === request.module);
	const exp = parsed && mod?.exports.find((e) => e.name === parsed[1]);
	if (!parsed || !mod || !exp) throw new NotFoundError('open data export');
	assertNoPersonalColumns(mod.name, exp.name, exp.columns);
	const db = await getDb();
	const instances = await publishedModules(db, [mod.name], request.processSlug);
	// A process that is not published (or has no published module of this kind) has no open data.
	if (request.processSlug !== undefined && !instances.length) throw new NotFoundError('open data export');
	const names = exp.columns.map((c) => c.name);
	const rows = (
		await exp.rows(
			db,
			instances.map((i) => i.id)
		)
	).map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null])));
	const date = new Date().toISOString().slice(0, 10);
	const stem = [request.processSlug, mod.name, exp.name, date].filter(Boolean).join('-');
	const format = parsed[2].toLowerCase();
	if (format === 'csv')
		return {
			fileName: `${stem}.csv`,
			contentType: 'text/csv; charset=utf-8; header=present',
			body: toCsv(rows, names),
			rows: rows.length
		};
	const body = JSON.stringify({
		module: mod.name,
		export: exp.name,
		process: request.processSlug ?? null,
		description: exp.description,
		columns: exp.columns,
		rows
	});
	return { fileName: `${stem}.json`, contentType: 'application/json; charset=utf-8', body, rows: rows.length };
}

/** The HTTP answer for a file: a download with its name, cacheable for a few minutes, readable from any origin. */
export function openDataResponse(file: OpenDataFile): Response {
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*'
		}
	});
}
