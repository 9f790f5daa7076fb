/** Test hook (only when VOCEA_TEST_HOOKS=1, never in production): puts documents in the search index, for e2e. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '#lib/server/platform/db/index.ts';
import { indexDocument, type SearchDocumentInput } from '#lib/server/platform/search/index-documents.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (process.env.VOCEA_TEST_HOOKS !== '1') error(404, 'not_found');
	const docs = (await request.json()) as SearchDocumentInput[];
	await indexDocument(await getDb(), docs);
	return json({ indexed: docs.length });
};
