/** Open311 GET Service Requests (filters, bbox, paging, extensions) and POST Service Request (API key). */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.getRequests(open311.input(event));
export const POST: RequestHandler = (event) => open311.postRequest(open311.input(event));
