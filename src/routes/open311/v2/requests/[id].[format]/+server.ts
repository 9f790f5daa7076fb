/** Open311 GET Service Request: one request, as a list of one. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.getRequest(open311.input(event), event.params.id);
