/** The singular alias of `requests/{id}` used by the open311/schema-validation Swagger file. */
import type { RequestHandler } from './$types';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const GET: RequestHandler = (event) => open311.getRequest(open311.input(event), event.params.id);
