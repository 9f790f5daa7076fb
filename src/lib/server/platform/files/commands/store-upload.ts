/**
 * Stores an uploaded file: checks its type by content and its size, cleans images (auto-rotated, at most 2000 px,
 * every metadata block — EXIF, GPS position, camera serials, XMP — removed), keeps the bytes in the storage
 * backend and records the `files` row.
 *
 * The request body limit of the Node server comes first: adapter-node refuses bodies over BODY_SIZE_LIMIT
 * (default 512 KB) before this code runs, so set BODY_SIZE_LIMIT above UPLOAD_MAX_BYTES (see docs/operations.md).
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { isUser, type Actor } from '../../actors/actor.ts';
import { config } from '../../config/env.ts';
import { getDb } from '../../db/index.ts';
import { files } from '../../db/schema.ts';
import { logger } from '../../log.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { detectType, type AllowedType, type FileKind } from '../detect-type.ts';
import { getStorage } from '../storage.ts';

export interface StoreUploadOptions {
	/** Which kinds of file the form takes. */
	accept: FileKind | FileKind[];
	/** Narrow further to these extensions, e.g. ['csv'] for a census import. */
	extensions?: string[];
	/** The form field, for the error message (default 'file'). */
	field?: string;
	/** Lower than UPLOAD_MAX_BYTES for this form (never higher). */
	maxBytes?: number;
}

export interface StoredFile {
	id: string;
	/** Site path that serves the file. */
	url: string;
	mimeType: string;
	size: number;
	width: number | null;
	height: number | null;
	originalName: string;
}

/** Longest side of a stored image, in pixels: plenty for a screen, small enough for a phone on 3G. */
export const IMAGE_MAX_SIDE = 2000;

const errorFor = (accept: FileKind[]) =>
	accept.length === 1 && accept[0] === 'image'
		? 'files_error_image_type'
		: accept.length === 1
			? 'files_error_document_type'
			: 'files_error_type';

async function cleanImage(bytes: Uint8Array, type: AllowedType) {
	const animated = type.ext === 'gif' || type.ext === 'webp';
	// sharp writes no metadata unless asked to (withMetadata/keepExif), so the output carries no EXIF or GPS.
	let pipeline = sharp(bytes, { animated, limitInputPixels: 50_000_000, failOn: 'error' })
		.rotate()
		.resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
	if (type.ext === 'jpg') pipeline = pipeline.jpeg({ quality: 82, mozjpeg: true });
	else if (type.ext === 'png') pipeline = pipeline.png();
	else if (type.ext === 'webp') pipeline = pipeline.webp({ quality: 82 });
	else pipeline = pipeline.gif();
	const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
	return { data: new Uint8Array(data), width: info.width, height: info.pageHeight ?? info.height };
}

export async function storeUpload(
	actor: Actor,
	file: File | null | undefined,
	options: StoreUploadOptions
): Promise<Result<StoredFile>> {
	authorize(decide(isUser(actor) || actor.kind === 'system', 'sign_in_required'));
	const field = options.field ?? 'file';
	const accept = Array.isArray(options.accept) ? options.accept : [options.accept];
	const maxBytes = Math.min(options.maxBytes ?? Infinity, config.uploadMaxBytes());
	// Forms submit an empty, nameless File when nothing was chosen.
	if (!file || file.size === 0) return invalid({ [field]: 'files_error_required' });
	if (file.size > maxBytes) return invalid({ [field]: 'files_error_too_large' });
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = await detectType(bytes, file.name);
	if (!type || !accept.includes(type.kind) || (options.extensions && !options.extensions.includes(type.ext)))
		return invalid({ [field]: errorFor(accept) });

	let stored = { data: bytes, width: null as number | null, height: null as number | null };
	if (type.kind === 'image') {
		try {
			stored = await cleanImage(bytes, type);
		} catch (err) {
			logger().info({ err, name: file.name }, 'uploaded image could not be read');
			return invalid({ [field]: 'files_error_image_unreadable' });
		}
	}

	const id = randomUUID();
	const now = new Date();
	const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}.${type.ext}`;
	const storage = await getStorage();
	await storage.put(key, stored.data, type.mime);
	const originalName = file.name.split(/[\\/]/).pop()!.slice(0, 200) || `file.${type.ext}`;
	try {
		const db = await getDb();
		await db.insert(files).values({
			id,
			ownerId: isUser(actor) ? actor.id : null,
			storageKey: key,
			originalName,
			mimeType: type.mime,
			size: stored.data.byteLength,
			width: stored.width,
			height: stored.height
		});
	} catch (err) {
		await storage.delete(key).catch(() => {});
		throw err;
	}
	return ok({
		id,
		url: `/files/${id}`,
		mimeType: type.mime,
		size: stored.data.byteLength,
		width: stored.width,
		height: stored.height,
		originalName
	});
}
