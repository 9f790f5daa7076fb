/** Storing prepared images in the caller's transaction, anonymous owners, and rejected uploads that leave nothing. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, createPerson } from '../../../../../tests/medium/support/people.ts';
import { files } from '../db/schema.ts';
import { storeUpload } from './commands/store-upload.ts';
import { gpsFromExif } from './exif-gps.ts';
import { prepareImage, prepareImages, type PreparedImage } from './prepare-image.ts';
import { localStorage, useStorage, type FileStorage } from './storage.ts';
import { storePreparedImages } from './store-prepared-images.ts';
import {
	asFile,
	elfProgram,
	phonePhoto,
	pngBomb,
	shellScript,
	svgWithScript,
	truncatedJpeg,
	windowsProgram
} from './test-fixtures.ts';

const database = useTestDatabase();
let dir: string;
let storage: FileStorage;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-uploads-'));
});
beforeEach(() => {
	rmSync(dir, { recursive: true, force: true });
	storage = localStorage(dir);
	useStorage(storage);
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

/** Every object in the storage folder (temporary files included). */
const storedObjects = () => {
	try {
		return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
	} catch {
		return 0;
	}
};
const fileRows = async () => (await database().db.select({ n: count() }).from(files))[0].n;

async function prepared(bytes: Uint8Array | string, name: string): Promise<PreparedImage> {
	const r = await prepareImage(asFile(bytes, name), { field: 'photos' });
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

async function readBack(key: string) {
	const object = (await storage.get(key))!;
	return Buffer.from(await new Response(object.body).arrayBuffer());
}

describe('storing prepared images', () => {
	it('writes the cleaned bytes and the rows in the caller’s transaction, with no owner for an anonymous reporter', async () => {
		const { db } = database();
		const photo = await prepared(await phonePhoto(), 'groapa.jpg');
		expect(photo.gps).toBeDefined();
		const png = await prepared(
			await sharp({ create: { width: 5, height: 4, channels: 3, background: '#123' } })
				.png()
				.toBuffer(),
			'plan.jpg'
		);
		const stored = await db.transaction((tx) => storePreparedImages(tx, [photo, png], { ownerId: null }));
		expect(stored.fileIds).toEqual(stored.files.map((f) => f.id));
		expect(stored.files.map((f) => [f.mimeType, f.width, f.height, f.url])).toEqual([
			['image/jpeg', 30, 40, `/files/${stored.fileIds[0]}`],
			['image/png', 5, 4, `/files/${stored.fileIds[1]}`]
		]);
		const rows = await db.select().from(files).where(eq(files.id, stored.fileIds[0]));
		expect(rows[0]).toMatchObject({
			ownerId: null,
			mimeType: 'image/jpeg',
			originalName: 'groapa.jpg',
			size: photo.size
		});
		expect(rows[0].storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg$/);
		// The position was read before stripping; the stored bytes carry none of it.
		const bytes = await readBack(rows[0].storageKey);
		expect(bytes.equals(Buffer.from(photo.bytes))).toBe(true);
		const meta = await sharp(bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
		expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
		expect([await fileRows(), storedObjects()]).toEqual([2, 2]);
	});

	it('keeps the owner of a signed-in reporter', async () => {
		const { db } = database();
		const person = await createPerson(db);
		const stored = await storePreparedImages(db, [await prepared(await phonePhoto(), 'a.jpg')], { ownerId: person.id });
		const [row] = await db.select().from(files).where(eq(files.id, stored.fileIds[0]));
		expect(row.ownerId).toBe(person.id);
	});

	it('leaves nothing when the caller’s transaction rolls back and it discards the bytes', async () => {
		const { db } = database();
		const photo = await prepared(await phonePhoto(), 'a.jpg');
		let discard: (() => Promise<void>) | undefined;
		await expect(
			db.transaction(async (tx) => {
				const stored = await storePreparedImages(tx, [photo, photo], { ownerId: null });
				discard = stored.discard;
				expect(storedObjects()).toBe(2);
				throw new Error('the report could not be saved');
			})
		).rejects.toThrow(/could not be saved/);
		await discard!();
		expect([await fileRows(), storedObjects()]).toEqual([0, 0]);
	});

	it('removes what it wrote when the storage fails part-way', async () => {
		const { db } = database();
		const photo = await prepared(await phonePhoto(), 'a.jpg');
		let puts = 0;
		useStorage({
			...storage,
			async put(key, bytes, type) {
				if (++puts === 2) throw new Error('disk full');
				await storage.put(key, bytes, type);
			}
		});
		await expect(storePreparedImages(db, [photo, photo, photo], { ownerId: null })).rejects.toThrow(/disk full/);
		expect([await fileRows(), storedObjects()]).toEqual([0, 0]);
	});

	it('stores nothing for an empty list', async () => {
		const { db } = database();
		const stored = await storePreparedImages(db, [], { ownerId: null });
		expect(stored.fileIds).toEqual([]);
		await stored.discard();
		expect([await fileRows(), storedObjects()]).toEqual([0, 0]);
	});
});

describe('rejected uploads', () => {
	const hostile = async (): Promise<[string, Uint8Array | string, string][]> => [
		['an ELF program named .jpg', elfProgram(), 'files_error_executable'],
		['a Windows program named .jpg', windowsProgram(), 'files_error_executable'],
		['a shell script named .jpg', shellScript(), 'files_error_executable'],
		['an SVG with a script', svgWithScript(), 'files_error_svg'],
		['a 20000 × 20000 PNG bomb', pngBomb(20000), 'files_error_image_too_many_pixels'],
		['a truncated JPEG', await truncatedJpeg(), 'files_error_image_truncated']
	];

	it('are refused with a clear message and store nothing, through the photo path and the single upload', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		for (const [what, bytes, key] of await hostile()) {
			const photos = await prepareImages([asFile(await phonePhoto(), 'ok.jpg'), asFile(bytes, 'IMG_0001.jpg')], {
				field: 'photos'
			});
			expect(photos, what).toEqual({ ok: false, errors: { photos: key } });
			expect(await storeUpload(me, asFile(bytes, 'IMG_0001.jpg', 'image/jpeg'), { accept: 'image' }), what).toEqual({
				ok: false,
				errors: { file: key }
			});
			expect(await storeUpload(me, asFile(bytes, 'minutes.pdf'), { accept: ['image', 'document'] }), what).toEqual({
				ok: false,
				errors: { file: key }
			});
		}
		expect([await fileRows(), storedObjects()]).toEqual([0, 0]);
	});

	it('store a real photo through the single upload the same way, GPS removed', async () => {
		const { db } = database();
		const me = await actorOf(db, (await createPerson(db)).id);
		const r = await storeUpload(me, asFile(await phonePhoto(), 'IMG_2041.jpg'), { accept: 'image' });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		const [row] = await db.select().from(files).where(eq(files.id, r.value.id));
		expect(row.ownerId).toBe(me.kind === 'user' ? me.id : null);
		const bytes = await readBack(row.storageKey);
		expect(gpsFromExif((await sharp(bytes).metadata()).exif ?? new Uint8Array())).toBeUndefined();
		expect([await fileRows(), storedObjects()]).toEqual([1, 1]);
	});
});
