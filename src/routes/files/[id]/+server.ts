/** Serves an uploaded file: images inline, documents as downloads; never sniffed, cached for good (ids never change). */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openFile } from '#lib/server/platform/files/read-file.ts';

export const GET: RequestHandler = async ({ params, request }) => {
	const etag = `"${params.id}"`;
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
	const file = await openFile(params.id);
	if (!file) error(404, 'not_found');
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(file.body, {
		headers: {
			'content-type': file.mimeType,
			'content-length': String(file.size),
			'content-disposition': `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'public, max-age=31536000, immutable',
			etag,
			// Even if a browser rendered a file as a page, it could run nothing and reach nothing.
			'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
