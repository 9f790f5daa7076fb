import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { GET } from '../../../../routes/files/[id]/+server.ts';
import { anonymous, type Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { addProcessDocument } from '../spaces/commands/add-process-document.ts';
import { publishProcess } from '../spaces/commands/publish-process.ts';
import { setProcessCover } from '../spaces/commands/set-process-cover.ts';
import { unpublishProcess } from '../spaces/commands/unpublish-process.ts';
import { documentsOf } from '../spaces/queries.ts';
import { storeUpload } from './commands/store-upload.ts';
import { openFile } from './read-file.ts';
import { localStorage, useStorage } from './storage.ts';

useTestDatabase();
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-file-access-'));
	useStorage(localStorage(dir));
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

const pdf = () =>
	new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], 'regulament.pdf', { type: 'application/pdf' });
const png = async () =>
	new File(
		[
			await sharp({ create: { width: 20, height: 10, channels: 3, background: '#3a3' } })
				.png()
				.toBuffer()
		],
		'cover.png',
		{ type: 'image/png' }
	);

async function get(id: string, actor: Actor, headers: Record<string, string> = {}) {
	const response = await GET({
		params: { id },
		request: new Request(`http://localhost/files/${id}`, { headers }),
		locals: { actor }
	} as unknown as Parameters<typeof GET>[0]);
	return response;
}

/** A process (draft) by a staff member, with a document and a cover. */
async function draftWithFiles() {
	const staff = await person(['staff']);
	const { spaceId } = await processWithThreePhases(staff);
	const added = await addProcessDocument(staff, spaceId, { file: pdf(), title: { ro: 'Regulament' } });
	if (!added.ok) throw new Error(JSON.stringify(added.errors));
	const cover = await setProcessCover(staff, spaceId, { file: await png() });
	if (!cover.ok || !cover.value.fileId) throw new Error('cover');
	const [doc] = await documentsOf(await getDb(), spaceId);
	return { staff, spaceId, documentId: doc.fileId, coverId: cover.value.fileId };
}

describe('reading a stored file', () => {
	it('serves the documents and cover of a published process to anyone, cached for good', async () => {
		const { staff, spaceId, documentId, coverId } = await draftWithFiles();
		expect((await publishProcess(staff, spaceId)).ok).toBe(true);
		for (const id of [documentId, coverId]) {
			const response = await get(id, anonymous());
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			await response.body?.cancel();
			const again = await get(id, anonymous(), { 'if-none-match': `"${id}"` });
			expect(again.status).toBe(304);
		}
		expect((await openFile(documentId, anonymous()))?.access).toBe('public');
	});

	it('hides the documents of a draft process from the public and from other citizens, as not found', async () => {
		const { documentId, coverId } = await draftWithFiles();
		const citizen = await person();
		for (const id of [documentId, coverId]) {
			expect(await openFile(id, anonymous())).toBeNull();
			expect(await openFile(id, citizen)).toBeNull();
			await expect(get(id, anonymous())).rejects.toMatchObject({ status: 404 });
			// Even a guessed ETag reveals nothing.
			await expect(get(id, anonymous(), { 'if-none-match': `"${id}"` })).rejects.toMatchObject({ status: 404 });
		}
	});

	it('lets the owner, staff with the processes right and the space’s admins read a draft’s files, never cached', async () => {
		const { staff, spaceId, documentId } = await draftWithFiles();
		const otherStaff = await person(['staff']);
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		for (const reader of [staff, otherStaff, spaceAdmin]) {
			expect((await openFile(documentId, reader))?.access).toBe('private');
			const response = await get(documentId, reader);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			expect(response.headers.get('etag')).toBeNull();
			await response.body?.cancel();
		}
	});

	it('refuses a draft’s files to the admin of another space, a moderator of the same space and a mere evaluator', async () => {
		const { spaceId, documentId } = await draftWithFiles();
		const other = await processWithThreePhases(await person(['admin']), new Date(), 'Alt proces');
		const elsewhere = await person([], { spaceRoles: { [other.spaceId]: ['admin'] } });
		const moderator = await person([], { spaceRoles: { [spaceId]: ['moderator'] } });
		const evaluator = await person(['evaluator']);
		for (const reader of [elsewhere, moderator, evaluator]) expect(await openFile(documentId, reader)).toBeNull();
	});

	it('makes a process’s files private again when it is unpublished', async () => {
		const { staff, spaceId, documentId } = await draftWithFiles();
		await publishProcess(staff, spaceId);
		expect((await openFile(documentId, anonymous()))?.access).toBe('public');
		expect((await unpublishProcess(staff, spaceId)).ok).toBe(true);
		expect(await openFile(documentId, anonymous())).toBeNull();
	});

	it('keeps a file nothing uses for its owner (and the processes right) only', async () => {
		const citizen = await person();
		const stored = await storeUpload(citizen, pdf(), { accept: 'document' });
		if (!stored.ok) throw new Error('upload');
		expect((await openFile(stored.value.id, citizen))?.access).toBe('private');
		expect(await openFile(stored.value.id, await person())).toBeNull();
		expect(await openFile(stored.value.id, anonymous())).toBeNull();
		expect((await openFile(stored.value.id, await person(['admin'])))?.access).toBe('private');
	});

	it('asks every file-use resolver it is given', async () => {
		const citizen = await person();
		const stored = await storeUpload(citizen, pdf(), { accept: 'document' });
		if (!stored.ok) throw new Error('upload');
		const usedPublicly = async () => [{ spaceId: null, public: true }];
		expect((await openFile(stored.value.id, anonymous(), [usedPublicly]))?.access).toBe('public');
	});
});
