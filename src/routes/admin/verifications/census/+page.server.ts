/** Staff import census lists (CSV of hashed identifiers) that citizens' identifiers are matched against. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listCensusBatches } from '#lib/server/platform/verification/queries.ts';
import { importCensus } from '#lib/server/platform/verification/commands/import-census.ts';
import { readUpload } from '../../upload.ts';

export const load: PageServerLoad = async ({ locals }) => ({ batches: await listCensusBatches(locals.actor) });

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const name = String(data.get('name') ?? '');
		const result = await importCensus(locals.actor, { name, csv: await readUpload(data.get('file')) });
		if (!result.ok) return fail(400, { errors: result.errors, line: result.line, name });
		return { imported: result.value };
	}
} satisfies Actions;
