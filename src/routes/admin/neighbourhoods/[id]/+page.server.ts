/** One neighbourhood: rename it per locale, or redraw it by uploading a GeoJSON boundary. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getNeighbourhood } from '#lib/server/platform/geo/queries.ts';
import { renameNeighbourhood } from '#lib/server/platform/geo/commands/rename-neighbourhood.ts';
import { redrawNeighbourhood } from '#lib/server/platform/geo/commands/redraw-neighbourhood.ts';
import { readUpload } from '../../upload.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	neighbourhood: await getNeighbourhood(locals.actor, params.id),
	saved: url.searchParams.has('saved')
});

export const actions = {
	rename: async ({ request, locals, params }) => {
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const result = await renameNeighbourhood(locals.actor, params.id, values);
		if (!result.ok) return fail(400, { errors: result.errors, values });
		return { done: 'admin_neighbourhood_renamed' };
	},
	redraw: async ({ request, locals, params }) => {
		const geojson = await readUpload((await request.formData()).get('boundary'));
		const result = await redrawNeighbourhood(locals.actor, params.id, { geojson });
		if (!result.ok) return fail(400, { errors: result.errors });
		return { done: 'admin_neighbourhood_redrawn' };
	}
} satisfies Actions;
