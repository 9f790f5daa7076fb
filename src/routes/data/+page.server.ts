/** Public: the open-data catalogue (city-wide and per published process), with every column documented. */
import type { PageServerLoad } from './$types';
import { dataCatalogue } from '#lib/server/open-data/catalogue.ts';

export const load: PageServerLoad = async ({ locals }) => ({ catalogue: await dataCatalogue(locals.locale) });
