/** What the e2e test hooks do (`/test-hooks/*`, served only when `testHooksEnabled()`), so the routes stay adapters. */
import { getDb } from '../db/index.ts';
import { notify, type NotifyInput } from '../notifications/notify.ts';
import { userIdByEmail } from '../notifications/queries.ts';
import { indexDocument, type SearchDocumentInput } from '../search/index-documents.ts';

/** Notifies the live account with this e-mail address; null when there is none. */
export async function notifyByEmail(email: string, input: Omit<NotifyInput, 'userIds'>) {
	const db = await getDb();
	const userId = await userIdByEmail(db, email);
	return userId ? notify(db, { ...input, userIds: [userId] }) : null;
}

/** Puts documents straight into the search index. */
export async function indexSearchDocuments(docs: SearchDocumentInput[]): Promise<void> {
	await indexDocument(await getDb(), docs);
}
