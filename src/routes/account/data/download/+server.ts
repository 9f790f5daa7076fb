/** The personal-data zip, as an attachment; never cached. */
import type { RequestHandler } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { exportPersonalData } from '#lib/server/gdpr/export-personal-data.ts';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	const result = await exportPersonalData(locals.actor);
	if (!result.ok) return new Response(null, { status: 400 });
	const { filename, bytes } = result.value;
	return new Response(bytes.slice().buffer as ArrayBuffer, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
