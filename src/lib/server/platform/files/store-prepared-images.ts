/**
 * Stores images prepared by `prepareImage` inside the caller's transaction: the bytes go to the storage backend
 * first, the `files` rows are inserted with the caller's `tx`. Storage is not transactional, so the caller that
 * rolls back calls the returned `discard()` to delete the bytes again; if this function itself fails, it has
 * already removed what it wrote.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../db/index.ts';
import { files } from '../db/schema.ts';
import type { PreparedImage } from './prepare-image.ts';
import { getStorage } from './storage.ts';

export interface StoredImage {
	/** The `files` row id. */
	id: string;
	/** Site path that serves the file. */
	url: string;
	mimeType: string;
	size: number;
	width: number;
	height: number;
	originalName: string;
}

export interface StoredImages {
	/** One per image, in the order given. */
	files: StoredImage[];
	/** The `files` row ids, in the order given (= files.map((f) => f.id)). */
	fileIds: string[];
	/** Deletes the stored bytes: call it when the transaction that inserted the rows rolls back. */
	discard(): Promise<void>;
}

/** Where a new file's bytes go: `YYYY/MM/<id>.<ext>`. */
export function storageKeyFor(id: string, ext: string, now = new Date()): string {
	return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}.${ext}`;
}

/**
 * Writes the images and their `files` rows; `ownerId` is null for an anonymous reporter (the file is then readable
 * only through what uses it, e.g. a public report).
 */
export async function storePreparedImages(
	tx: Tx | Db,
	images: readonly PreparedImage[],
	{ ownerId }: { ownerId: string | null }
): Promise<StoredImages> {
	const storage = await getStorage();
	const now = new Date();
	const entries = images.map((image) => {
		const id = randomUUID();
		return { id, key: storageKeyFor(id, image.ext, now), image };
	});
	const written: string[] = [];
	const discard = async () => {
		await Promise.all(written.map((key) => storage.delete(key).catch(() => {})));
	};
	if (!entries.length) return { files: [], fileIds: [], discard };
	try {
		const puts = await Promise.allSettled(
			entries.map(async ({ key, image }) => {
				await storage.put(key, image.bytes, image.mimeType);
				written.push(key);
			})
		);
		const failed = puts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
		if (failed) throw failed.reason;
		await tx.insert(files).values(
			entries.map(({ id, key, image }) => ({
				id,
				ownerId,
				storageKey: key,
				originalName: image.originalName,
				mimeType: image.mimeType,
				size: image.size,
				width: image.width,
				height: image.height
			}))
		);
	} catch (err) {
		await discard();
		throw err;
	}
	return {
		files: entries.map(({ id, image }) => ({
			id,
			url: `/files/${id}`,
			mimeType: image.mimeType,
			size: image.size,
			width: image.width,
			height: image.height,
			originalName: image.originalName
		})),
		fileIds: entries.map((e) => e.id),
		discard
	};
}
