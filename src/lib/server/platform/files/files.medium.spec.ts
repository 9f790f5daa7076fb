import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import JSZip from 'jszip';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, createPerson } from '../../../../../tests/medium/support/people.ts';
import { anonymous } from '../actors/actor.ts';
import { ForbiddenError } from '../result.ts';
import { storeUpload } from './commands/store-upload.ts';
import { openFile, removeFile } from './read-file.ts';
import { localStorage, useStorage } from './storage.ts';
import { GET } from '../../../../routes/files/[id]/+server.ts';

const database = useTestDatabase();
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-files-'));
	useStorage(localStorage(dir));
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

/** A JPEG as a phone takes it: camera make, GPS position, and "rotate 90°" in the EXIF orientation. */
async function phonePhoto(width = 40, height = 30) {
	return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Secret Model 9' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 13/1 48/1' }
		})
		.toBuffer();
}

const asFile = (bytes: Uint8Array | string, name: string, type = '') =>
	new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

async function readAll(stream: ReadableStream<Uint8Array>) {
	return Buffer.from(await new Response(stream).arrayBuffer());
}

const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('uploads', () => {
	it('strip EXIF and GPS from photos, honour the orientation, and serve the cleaned image', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		const original = await phonePhoto();
		const before = await sharp(original).metadata();
		expect(before.exif?.length).toBeGreaterThan(0);
		expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);

		const result = await storeUpload(me, asFile(original, 'IMG_2041.jpg', 'image/jpeg'), { accept: 'image' });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		// Orientation 6 = rotated: the stored picture is upright, so 30 × 40.
		expect([result.value.width, result.value.height]).toEqual([30, 40]);

		const opened = (await openFile(result.value.id, me))!;
		expect(opened.inline).toBe(true);
		const stored = await readAll(opened.body);
		const after = await sharp(stored).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.orientation).toBeUndefined();
		expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
		expect(stored.includes(Buffer.from('GPS'))).toBe(false);
	});

	it('shrink large images to 2000 px on the longest side', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		const big = await sharp({ create: { width: 3000, height: 1200, channels: 3, background: '#fff' } })
			.png()
			.toBuffer();
		const result = await storeUpload(me, asFile(big, 'plan.png'), { accept: 'image' });
		expect(result.ok && [result.value.width, result.value.height, result.value.mimeType]).toEqual([
			2000,
			800,
			'image/png'
		]);
	});

	it('judge the type by content: a renamed PDF or text is not an image', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		expect(await storeUpload(me, asFile(pdf, 'photo.jpg', 'image/jpeg'), { accept: 'image' })).toEqual({
			ok: false,
			errors: { file: 'files_error_image_type' }
		});
		expect(
			await storeUpload(me, asFile('not really a png', 'cover.png', 'image/png'), { accept: 'image', field: 'cover' })
		).toEqual({ ok: false, errors: { cover: 'files_error_image_type' } });
		// A cut-off image (right magic bytes, body missing) is refused with its own message.
		const broken = (await phonePhoto()).subarray(0, 200);
		expect(await storeUpload(me, asFile(broken, 'broken.jpg'), { accept: 'image' })).toEqual({
			ok: false,
			errors: { file: 'files_error_image_truncated' }
		});
		// An executable renamed .pdf is no document either, and is called what it is.
		const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
		expect(await storeUpload(me, asFile(elf, 'minutes.pdf'), { accept: 'document' })).toEqual({
			ok: false,
			errors: { file: 'files_error_executable' }
		});
	});

	it('accept documents by content and serve them as downloads with a safe name', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		const stored = await storeUpload(me, asFile(pdf, 'Hotărârea nr. 12.PDF'), { accept: 'document' });
		if (!stored.ok) throw new Error(JSON.stringify(stored.errors));
		expect(stored.value.mimeType).toBe('application/pdf');

		const zip = new JSZip();
		zip.file(
			'[Content_Types].xml',
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
		);
		zip.file('word/document.xml', '<w:document/>');
		const docx = await zip.generateAsync({ type: 'uint8array' });
		const d = await storeUpload(me, asFile(docx, 'raport.pdf'), { accept: 'document' });
		expect(d.ok && [d.value.mimeType, (await openFile(d.value.id, me))!.fileName]).toEqual([
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'raport.docx'
		]);
		const odt = new JSZip();
		odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
		odt.file('content.xml', '<office:document-content/>');
		const o = await storeUpload(me, asFile(await odt.generateAsync({ type: 'uint8array' }), 'a.odt'), {
			accept: 'document'
		});
		expect(o.ok && o.value.mimeType).toBe('application/vnd.oasis.opendocument.text');
		// Any other archive is refused, whatever its name.
		const plain = new JSZip();
		plain.file('run.sh', 'echo hi');
		expect(
			await storeUpload(me, asFile(await plain.generateAsync({ type: 'uint8array' }), 'a.docx'), {
				accept: 'document'
			})
		).toEqual({ ok: false, errors: { file: 'files_error_document_type' } });

		const csv = await storeUpload(me, asFile('cartier;voturi\nIosefin;12\n', 'rezultate.csv'), {
			accept: 'document',
			extensions: ['csv']
		});
		expect(csv.ok && csv.value.mimeType).toBe('text/csv');
		expect(await storeUpload(me, asFile(pdf, 'x.pdf'), { accept: 'document', extensions: ['csv'] })).toEqual({
			ok: false,
			errors: { file: 'files_error_document_type' }
		});

		const response = await GET({
			params: { id: stored.value.id },
			request: new Request('http://localhost/files/x'),
			locals: { actor: me }
		} as unknown as Parameters<typeof GET>[0]);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		// No published process uses it: only its owner reads it, and nothing may keep a copy.
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="Hot_r_rea nr. 12.pdf"; filename*=UTF-8''${encodeURIComponent('Hotărârea nr. 12.pdf')}`
		);
		expect(await response.text()).toBe(pdf);
		await removeFile(db, stored.value.id);
		expect(await openFile(stored.value.id, me)).toBeNull();
	});

	it('refuse empty and too large files, and anonymous uploads', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		expect(await storeUpload(me, asFile(new Uint8Array(), ''), { accept: 'image' })).toEqual({
			ok: false,
			errors: { file: 'files_error_required' }
		});
		expect(await storeUpload(me, null, { accept: 'image' })).toEqual({
			ok: false,
			errors: { file: 'files_error_required' }
		});
		const photo = await phonePhoto();
		expect(await storeUpload(me, asFile(photo, 'a.jpg'), { accept: 'image', maxBytes: 100 })).toEqual({
			ok: false,
			errors: { file: 'files_error_too_large' }
		});
		process.env.UPLOAD_MAX_BYTES = '100';
		try {
			expect(await storeUpload(me, asFile(photo, 'a.jpg'), { accept: 'image' })).toEqual({
				ok: false,
				errors: { file: 'files_error_too_large' }
			});
		} finally {
			delete process.env.UPLOAD_MAX_BYTES;
		}
		await expect(storeUpload(anonymous(), asFile(photo, 'a.jpg'), { accept: 'image' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await openFile('not-a-uuid', me)).toBeNull();
		expect(await openFile('00000000-0000-4000-8000-000000000000', me)).toBeNull();
	});
});
