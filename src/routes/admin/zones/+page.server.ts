/** Zones: named sets of neighbourhoods (participatory-budgeting zones, council areas…). */
import type { PageServerLoad } from './$types';
import { listZones } from '#lib/server/platform/geo/queries.ts';

export const load: PageServerLoad = async ({ locals }) => ({ zones: await listZones(locals.actor) });
