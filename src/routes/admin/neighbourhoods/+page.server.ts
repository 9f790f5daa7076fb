/** Every neighbourhood, its zones and whether it has a boundary. */
import type { PageServerLoad } from './$types';
import { listNeighbourhoodsForAdmin } from '#lib/server/platform/geo/queries.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	neighbourhoods: await listNeighbourhoodsForAdmin(locals.actor)
});
