/** Open311 GET Service Definition: a category's questions as attributes. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.serviceDefinition(open311.input(event), event.params.code);
