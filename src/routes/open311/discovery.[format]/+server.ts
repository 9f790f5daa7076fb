/** Open311 service discovery at the API's root (`/open311/discovery.xml|json`), the same as under `/v2`. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.discovery(open311.input(event));
