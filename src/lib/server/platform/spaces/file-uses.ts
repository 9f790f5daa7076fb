/** Which spaces use a file, as cover or document: public when the space is published (for `/files/<id>`). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { spaceDocuments, spaces } from '../db/schema.ts';
import type { FileUse } from '../files/access.ts';

export async function spaceFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const [covers, documents] = await Promise.all([
		db.select({ spaceId: spaces.id, status: spaces.status }).from(spaces).where(eq(spaces.coverFileId, fileId)),
		db
			.select({ spaceId: spaces.id, status: spaces.status })
			.from(spaceDocuments)
			.innerJoin(spaces, eq(spaces.id, spaceDocuments.spaceId))
			.where(eq(spaceDocuments.fileId, fileId))
	]);
	return [...covers, ...documents].map((r) => ({ spaceId: r.spaceId, public: r.status === 'published' }));
}
