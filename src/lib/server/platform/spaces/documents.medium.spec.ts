import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { auditLog, spaceDocuments, spaces } from '../db/schema.ts';
import { localStorage, useStorage } from '../files/storage.ts';
import { ForbiddenError, NotFoundError } from '../result.ts';
import { addProcessDocument } from './commands/add-process-document.ts';
import { removeProcessDocument } from './commands/remove-process-document.ts';
import { setProcessCover } from './commands/set-process-cover.ts';
import { documentsOf } from './queries.ts';

const database = useTestDatabase();
const db = () => database().db;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-spaces-files-'));
	useStorage(localStorage(dir));
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

const png = async () =>
	new File(
		[
			await sharp({ create: { width: 30, height: 20, channels: 3, background: '#a33' } })
				.png()
				.toBuffer()
		],
		'cover.png',
		{
			type: 'image/png'
		}
	);
const pdf = () =>
	new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], 'regulament.pdf', { type: 'application/pdf' });

describe('a process’s cover image and documents', () => {
	it('sets and removes the cover image, refusing a file that is not an image', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const set = await setProcessCover(admin, spaceId, { file: await png() });
		expect(set.ok).toBe(true);
		expect((await db().select().from(spaces))[0].coverFileId).toBe(set.ok && set.value.fileId);
		const wrong = await setProcessCover(admin, spaceId, {
			file: new File(['just text'], 'x.png', { type: 'image/png' })
		});
		expect(wrong.ok).toBe(false);
		expect(await setProcessCover(admin, spaceId, { file: null })).toEqual({
			ok: false,
			errors: { cover: 'processes_error_cover_required' }
		});
		await setProcessCover(admin, spaceId, { file: null, remove: true });
		expect((await db().select().from(spaces))[0].coverFileId).toBeNull();
		const actions = (await db().select().from(auditLog).where(eq(auditLog.spaceId, spaceId))).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['space.set_cover', 'space.remove_cover']));
	});

	it('attaches documents with a translatable title and detaches them', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		expect(await addProcessDocument(admin, spaceId, { file: pdf(), title: { ro: '' } })).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required' }
		});
		const added = await addProcessDocument(admin, spaceId, { file: pdf(), title: { ro: 'Regulament', en: 'Rules' } });
		expect(added.ok).toBe(true);
		const [doc] = await documentsOf(db(), spaceId);
		expect(doc).toMatchObject({ title: { ro: 'Regulament', en: 'Rules' }, file: { mimeType: 'application/pdf' } });
		await removeProcessDocument(admin, { spaceId, documentId: doc.id });
		expect(await db().select().from(spaceDocuments)).toHaveLength(0);
		await expect(removeProcessDocument(admin, { spaceId, documentId: doc.id })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('are managed only by those who manage the process', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const citizen = await person();
		await expect(setProcessCover(citizen, spaceId, { file: await png() })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(addProcessDocument(citizen, spaceId, { file: pdf(), title: { ro: 'X' } })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
