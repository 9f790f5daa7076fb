/** Test hook (only with VOCEA_TEST_HOOKS=1 on the embedded database in demo mode): puts documents in the search index, for e2e. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { indexSearchDocuments } from '#lib/server/platform/testing/test-hook-actions.ts';
import type { SearchDocumentInput } from '#lib/server/platform/search/index-documents.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	const docs = (await request.json()) as SearchDocumentInput[];
	await indexSearchDocuments(docs);
	return json({ indexed: docs.length });
};
