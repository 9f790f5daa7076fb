/** Opens a stored file for download, if the actor may read it: its metadata, its access and a stream of its bytes. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../actors/actor.ts';
import type { Db } from '../db/index.ts';
import { getDb } from '../db/index.ts';
import { files } from '../db/schema.ts';
import { allowedTypes, downloadName } from './detect-type.ts';
import { getStorage, type StoredObject } from './storage.ts';
import { fileAccess, type FileUseResolver } from './access.ts';
import { spaceFileUses } from '../spaces/file-uses.ts';

/** Every part of the platform that attaches files to things (modules with attachments add theirs here). */
export const fileUseResolvers: FileUseResolver[] = [spaceFileUses];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OpenedFile extends StoredObject {
	id: string;
	mimeType: string;
	/** Images are shown in the page; documents are downloaded. */
	inline: boolean;
	fileName: string;
	/** public: anyone may read it and caches may keep it; private: only this actor, not to be cached. */
	access: 'public' | 'private';
}

/** The file, or null when there is no such file, its bytes are gone, or the actor may not read it (no existence leak). */
export async function openFile(
	id: string,
	actor: Actor,
	resolvers: FileUseResolver[] = fileUseResolvers
): Promise<OpenedFile | null> {
	if (!UUID.test(id)) return null;
	const db = await getDb();
	const [row] = await db.select().from(files).where(eq(files.id, id));
	if (!row) return null;
	const uses = (await Promise.all(resolvers.map((resolve) => resolve(db, id)))).flat();
	const access = fileAccess(actor, row, uses);
	if (access === 'denied') return null;
	const object = await (await getStorage()).get(row.storageKey);
	if (!object) return null;
	const type = allowedTypes.find((t) => t.mime === row.mimeType);
	return {
		...object,
		id: row.id,
		mimeType: row.mimeType,
		inline: type?.kind === 'image',
		access,
		fileName: downloadName(row.originalName, type?.ext ?? 'bin')
	};
}

/** Deletes a file's row and bytes (a replaced cover image, a removed document). */
export async function removeFile(db: Db, id: string): Promise<void> {
	const [row] = await db.delete(files).where(eq(files.id, id)).returning({ key: files.storageKey });
	if (row) await (await getStorage()).delete(row.key);
}
