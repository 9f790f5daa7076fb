/** Seed pages: generic ones for any space (the contract's `seed`), and a helper the demo content uses. */
import type { Db } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { slugify } from '../../platform/spaces/forms.ts';
import { pagesPages } from './schema.ts';

export interface SeedPage {
	title: Translated;
	body: Translated;
	slug?: string;
}

export async function insertPages(db: Db, moduleId: string, list: SeedPage[], authorId: string | null = null) {
	if (!list.length) return;
	await db.insert(pagesPages).values(
		list.map((p, position) => ({
			moduleId,
			slug: p.slug ?? slugify(p.title.ro),
			position,
			title: p.title,
			body: p.body,
			createdBy: authorId,
			updatedBy: authorId
		}))
	);
}

export async function seedPages(
	db: Db,
	{ moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] }
) {
	await insertPages(
		db,
		moduleId,
		[
			{
				title: { ro: 'Despre acest proces', en: 'About this process' },
				body: {
					ro: 'Aici găsiți **scopul** procesului, calendarul și cine ia decizia.\n\n## Calendar\n\nFazele sunt afișate pe pagina procesului.',
					en: 'Here you find the **purpose** of the process, its calendar and who decides.\n\n## Calendar\n\nThe phases are shown on the process page.'
				}
			},
			{
				title: { ro: 'Întrebări frecvente', en: 'Frequently asked questions' },
				body: {
					ro: '### Cine poate participa?\n\nOrice persoană care locuiește, muncește sau studiază în Timișoara.',
					en: '### Who can take part?\n\nAnyone who lives, works or studies in Timișoara.'
				}
			}
		],
		userIds[0] ?? null
	);
}
