/**
 * Serves an uploaded file the actor may read: images inline, documents as downloads, never sniffed. Public files
 * (used by a published process) are cached for good, as ids never change; private ones (drafts) are never cached.
 */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openFile } from '#lib/server/platform/files/read-file.ts';

export const GET: RequestHandler = async ({ params, request, locals }) => {
	const file = await openFile(params.id, locals.actor);
	if (!file) error(404, 'not_found');
	const etag = `"${params.id}"`;
	const cache = file.access === 'public' ? { 'cache-control': 'public, max-age=31536000, immutable', etag } : null;
	if (cache && request.headers.get('if-none-match') === etag) {
		await file.body.cancel();
		return new Response(null, { status: 304, headers: cache });
	}
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(file.body, {
		headers: {
			'content-type': file.mimeType,
			'content-length': String(file.size),
			'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			...(cache ?? { 'cache-control': 'private, no-store' }),
			// Even if a browser rendered a file as a page, it could run nothing and reach nothing.
			'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
