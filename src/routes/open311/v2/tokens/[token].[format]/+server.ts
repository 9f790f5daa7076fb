/** Open311 GET request id from a token. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.getToken(open311.input(event), event.params.token);
