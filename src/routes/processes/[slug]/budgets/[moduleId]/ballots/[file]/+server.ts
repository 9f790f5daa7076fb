/** GET …/ballots/<pot code>.pb — a pot's published Pabulib ballots file: exactly the bytes its SHA-256 was taken of. */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publishedBallotsFile } from '#lib/server/modules/budgets/index.ts';

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!params.file.endsWith('.pb')) error(404, 'not_found');
	const file = await publishedBallotsFile(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		potCode: params.file.slice(0, -'.pb'.length)
	});
	return new Response(file.text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'x-content-sha256': file.sha256,
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*'
		}
	});
};
