/**
 * Stores an uploaded file on its own (covers, documents, attachments): images go through `prepareImage` (checked
 * by content and pixel count, auto-rotated, at most IMAGE_MAX_SIDE, every metadata block removed) and
 * `storePreparedImages`, the one way images are stored; documents are checked by content and size and kept as sent.
 *
 * The request body limit of the Node server comes first: adapter-node refuses bodies over BODY_SIZE_LIMIT
 * (default 512 KB) before this code runs, so set BODY_SIZE_LIMIT above UPLOAD_MAX_BYTES (see docs/operations.md).
 */
import { randomUUID } from 'node:crypto';
import { isUser, type Actor } from '../../actors/actor.ts';
import { config } from '../../config/env.ts';
import { getDb } from '../../db/index.ts';
import { files } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { detectType, isExecutable, looksLikeSvg, type FileKind } from '../detect-type.ts';
import { prepareImage } from '../prepare-image.ts';
import { getStorage } from '../storage.ts';
import { storageKeyFor, storePreparedImages } from '../store-prepared-images.ts';

export { IMAGE_MAX_SIDE } from '../prepare-image.ts';

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

const errorFor = (accept: FileKind[]) =>
	accept.length === 1 && accept[0] === 'image'
		? 'files_error_image_type'
		: accept.length === 1
			? 'files_error_document_type'
			: 'files_error_type';

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
	if (await isExecutable(bytes)) return invalid({ [field]: 'files_error_executable' });
	// An SVG is never stored, not even as "text": served back it could run scripts.
	if (looksLikeSvg(bytes)) return invalid({ [field]: 'files_error_svg' });
	const type = await detectType(bytes, file.name);
	if (!type || !accept.includes(type.kind) || (options.extensions && !options.extensions.includes(type.ext)))
		return invalid({ [field]: errorFor(accept) });
	const ownerId = isUser(actor) ? actor.id : null;

	if (type.kind === 'image') {
		// Covers and news pictures keep their animation; report photos (prepareImage's default) do not.
		const prepared = await prepareImage(file, { field, maxBytes, keepAnimation: true });
		if (!prepared.ok) return prepared;
		const [stored] = (await storePreparedImages(await getDb(), [prepared.value], { ownerId })).files;
		return ok(stored);
	}

	const id = randomUUID();
	const key = storageKeyFor(id, type.ext);
	const storage = await getStorage();
	await storage.put(key, bytes, type.mime);
	const originalName = file.name.split(/[\\/]/).pop()!.slice(0, 200) || `file.${type.ext}`;
	try {
		const db = await getDb();
		await db.insert(files).values({
			id,
			ownerId,
			storageKey: key,
			originalName,
			mimeType: type.mime,
			size: bytes.byteLength,
			width: null,
			height: null
		});
	} catch (err) {
		await storage.delete(key).catch(() => {});
		throw err;
	}
	return ok({
		id,
		url: `/files/${id}`,
		mimeType: type.mime,
		size: bytes.byteLength,
		width: null,
		height: null,
		originalName
	});
}
