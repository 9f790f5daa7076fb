/** Public: every neighbourhood, on a map and as a list. */
import type { PageServerLoad } from './$types';
import { viewNeighbourhoods } from '#lib/server/platform/geo/neighbourhood-views.ts';

export const load: PageServerLoad = async () => ({ neighbourhoods: await viewNeighbourhoods() });
