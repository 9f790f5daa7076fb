/** Imports a census list of hashed identifiers (staff); entries already present from earlier lists are kept as they are. */
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { censusBatches, censusEntries, neighbourhoods } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { parseCensusFile } from '../census-file.ts';

export interface CensusImport {
	batchId: string;
	added: number;
	alreadyPresent: number;
}

/** On failure `line` points at the first bad line of the file, when there is one. */
export type CensusImportResult = Result<CensusImport> & { line?: number };

const CHUNK = 1000;

export async function importCensus(actor: Actor, input: { name?: unknown; csv: string }): Promise<CensusImportResult> {
	authorize(canAdmin(actor, 'census.import'));
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (!name) return invalid({ name: 'validation_required' });
	if (name.length > 200) return invalid({ name: 'validation_too_long' });
	const file = parseCensusFile(input.csv);
	if (!file.ok) return { ...invalid({ file: file.error }), line: file.line };
	const db = await getDb();
	const slugs = [...new Set(file.rows.map((r) => r.neighbourhood).filter((s): s is string => !!s))];
	const places = slugs.length
		? await db
				.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
				.from(neighbourhoods)
				.where(inArray(neighbourhoods.slug, slugs))
		: [];
	const idBySlug = new Map(places.map((p) => [p.slug, p.id]));
	const unknown = file.rows.findIndex((r) => r.neighbourhood && !idBySlug.has(r.neighbourhood));
	if (unknown >= 0) return { ...invalid({ file: 'verification_census_unknown_neighbourhood' }), line: unknown + 2 };
	return db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(censusBatches)
			.values({ name, importedBy: actor.kind === 'user' ? actor.id : null, rows: 0 })
			.returning({ id: censusBatches.id });
		let added = 0;
		for (let i = 0; i < file.rows.length; i += CHUNK) {
			const inserted = await tx
				.insert(censusEntries)
				.values(
					file.rows.slice(i, i + CHUNK).map((r) => ({
						hash: r.hash,
						batchId: batch.id,
						birthYear: r.birthYear,
						neighbourhoodId: r.neighbourhood ? idBySlug.get(r.neighbourhood)! : null
					}))
				)
				.onConflictDoNothing()
				.returning({ hash: censusEntries.hash });
			added += inserted.length;
		}
		await tx
			.update(censusBatches)
			.set({ rows: added })
			.where(inArray(censusBatches.id, [batch.id]));
		const summary = { batchId: batch.id, added, alreadyPresent: file.rows.length - added };
		await recordAction(tx, actor, {
			action: 'census.import',
			resourceType: 'census_batch',
			resourceId: batch.id,
			data: { name, added, alreadyPresent: summary.alreadyPresent }
		});
		return ok(summary);
	});
}
