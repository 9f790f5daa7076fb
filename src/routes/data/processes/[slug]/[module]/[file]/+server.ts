/** GET /data/processes/<slug>/<module>/<export>.csv|.json: open data of one published process's modules. */
import type { RequestHandler } from './$types';
import { exportOpenData, openDataResponse } from '#lib/server/open-data/export-data.ts';

export const GET: RequestHandler = async ({ params }) =>
	openDataResponse(await exportOpenData({ module: params.module, file: params.file, processSlug: params.slug }));
