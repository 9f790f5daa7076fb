/** Medium-test helpers of implementation tracking: an edition in the implementation stage with funded projects. */
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { budgetsProjects } from './schema.ts';
import { budgetEdition, type EditionSetup } from './test-support.ts';

/** An edition whose first `funded` projects were funded (as results would leave them); the others were not. */
export async function fundedEdition(admin: Actor, setup: EditionSetup & { funded?: number } = {}) {
	const edition = await budgetEdition(admin, { stage: 'implementation', projectsPerZone: 3, zones: 1, ...setup });
	const db = await getDb();
	const funded = edition.projects.slice(0, setup.funded ?? 2);
	const others = edition.projects.slice(setup.funded ?? 2);
	await db
		.update(budgetsProjects)
		.set({ funded: true, votes: 120, implementationStatus: 'not_started', progress: 0 })
		.where(
			inArray(
				budgetsProjects.id,
				funded.map((p) => p.id)
			)
		);
	for (const p of others)
		await db.update(budgetsProjects).set({ funded: false, votes: 3 }).where(eq(budgetsProjects.id, p.id));
	return { ...edition, funded, unfunded: others };
}

/** A small, valid JPEG carrying EXIF (camera make and a GPS position), as a phone would upload it. */
export async function photoWithExif(name = 'santier.jpg'): Promise<File> {
	const sharp = (await import('sharp')).default;
	const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
		.jpeg()
		.withExif({ IFD0: { Make: 'PhoneCam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1' } })
		.toBuffer();
	return new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });
}

export const entryInput = (over: Record<string, unknown> = {}) => ({
	status: 'works' as const,
	progress: '40',
	spent: '120000',
	text: { ro: 'Au început lucrările la aleea principală.', en: 'Works on the main path have started.' },
	...over
});
