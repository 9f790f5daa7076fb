/** GET /data/exports/<module>/<export>.csv|.json: open data of every published instance of a module, city-wide. */
import type { RequestHandler } from './$types';
import { exportOpenData, openDataResponse } from '#lib/server/open-data/export-data.ts';

export const GET: RequestHandler = async ({ params }) =>
	openDataResponse(await exportOpenData({ module: params.module, file: params.file }));
