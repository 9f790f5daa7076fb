/** Open311 service discovery (`/open311/v2/discovery.xml|json`). */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.discovery(open311.input(event));
