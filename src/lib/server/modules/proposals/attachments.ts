/** Stores the photos and attachments of a proposal form through the platform's upload cleaning (EXIF removed). */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { storeUpload } from '../../platform/files/commands/store-upload.ts';
import { removeFile } from '../../platform/files/read-file.ts';
import { invalid, ok, type Result } from '../../platform/result.ts';
import type { ProposalFiles } from './forms.ts';
import type { ProposalsGlobalSettings } from './settings.ts';

export interface StoredProposalFile {
	fileId: string;
	kind: 'photo' | 'attachment';
}

/**
 * Checks the counts against the settings, then stores every file; if one is refused, the ones already stored are
 * removed again, so a refused form leaves nothing behind. `photosKept` are photos the proposal already has.
 */
export async function storeProposalFiles(
	db: Db,
	actor: Actor,
	input: ProposalFiles,
	settings: ProposalsGlobalSettings,
	photosKept = 0
): Promise<Result<StoredProposalFile[]>> {
	const photos = input.photos ?? [];
	const attachments = input.attachments ?? [];
	if (photos.length + photosKept > settings.maxPhotos) return invalid({ photos: 'proposals_error_too_many_photos' });
	if (attachments.length && !settings.attachmentsAllowed)
		return invalid({ attachments: 'proposals_error_attachments_off' });
	if (attachments.length > 5) return invalid({ attachments: 'proposals_error_too_many_attachments' });
	const stored: StoredProposalFile[] = [];
	const undo = () => Promise.all(stored.map((s) => removeFile(db, s.fileId)));
	for (const [list, kind, field] of [
		[photos, 'photo', 'photos'],
		[attachments, 'attachment', 'attachments']
	] as const) {
		for (const file of list) {
			const r = await storeUpload(actor, file, {
				accept: kind === 'photo' ? 'image' : 'document',
				extensions: kind === 'photo' ? undefined : ['pdf'],
				field
			});
			if (!r.ok) {
				await undo();
				return r;
			}
			stored.push({ fileId: r.value.id, kind });
		}
	}
	return ok(stored);
}
