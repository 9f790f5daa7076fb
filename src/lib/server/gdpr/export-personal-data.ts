/** "Download my data": a zip with data.json (everything) and one CSV per table, from the platform and every module. */
import JSZip from 'jszip';
import { isUser, type Actor } from '#lib/server/platform/actors/actor.ts';
import { authorize, decide } from '#lib/server/platform/permissions/index.ts';
import { getDb } from '#lib/server/platform/db/index.ts';
import { ok, type Result } from '#lib/server/platform/result.ts';
import { modules } from '#lib/server/registry.ts';
import { toCsv, type Row } from '../platform/http/csv.ts';
import { platformPersonalData } from './personal-data.ts';

export interface PersonalDataExport {
	filename: string;
	bytes: Uint8Array;
	tables: Record<string, Row[]>;
}

export async function exportPersonalData(actor: Actor, now = new Date()): Promise<Result<PersonalDataExport>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = isUser(actor) ? actor.id : '';
	const db = await getDb();
	const tables = await platformPersonalData(db, userId);
	for (const module of modules) {
		const own = await module.personalData.exportFor(db, userId);
		// Module tables are named after the module so they never collide with the platform's.
		for (const [name, rows] of Object.entries(own)) {
			tables[name.startsWith(`${module.name}_`) ? name : `${module.name}_${name}`] = rows;
		}
	}
	const zip = new JSZip();
	// Dates become ISO 8601 strings through JSON.stringify.
	zip.file('data.json', JSON.stringify({ format: 'vocea-personal-data/1', exportedAt: now, userId, tables }, null, 2));
	for (const [name, rows] of Object.entries(tables)) zip.file(`${name}.csv`, toCsv(rows));
	const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
	const day = now.toISOString().slice(0, 10);
	return ok({ filename: `vocea-my-data-${day}.zip`, bytes, tables });
}
