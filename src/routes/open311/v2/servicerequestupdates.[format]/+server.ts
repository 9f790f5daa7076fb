/** FixMyStreet's Open311 extension: public updates of requests (GET) and updates a client posts (POST, API key). */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.getUpdates(open311.input(event));
export const POST: RequestHandler = (event) => open311.postUpdate(open311.input(event));
