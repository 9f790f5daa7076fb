/** Open311 GET Service List: the active leaf categories. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.serviceList(open311.input(event));
