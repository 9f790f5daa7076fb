/** Stores the photos of an idea form through the platform's upload cleaning (re-encoded, EXIF removed). */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { storeUpload } from '../../platform/files/commands/store-upload.ts';
import { removeFile } from '../../platform/files/read-file.ts';
import { invalid, ok, type Result } from '../../platform/result.ts';

/** Checks the count against the settings, then stores every photo; a refused one removes those already stored. */
export async function storeIdeaPhotos(
	db: Db,
	actor: Actor,
	photos: File[],
	maxPhotos: number,
	photosKept = 0
): Promise<Result<string[]>> {
	if (photos.length + photosKept > maxPhotos) return invalid({ photos: 'budgets_error_too_many_photos' });
	const stored: string[] = [];
	for (const file of photos) {
		const r = await storeUpload(actor, file, { accept: 'image', field: 'photos' });
		if (!r.ok) {
			await Promise.all(stored.map((id) => removeFile(db, id)));
			return r;
		}
		stored.push(r.value.id);
	}
	return ok(stored);
}
