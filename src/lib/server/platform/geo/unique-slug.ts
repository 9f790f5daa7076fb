/** The first free slug for a new department, neighbourhood or zone: `base`, `base-2`, `base-3`, … */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { departments, neighbourhoods, zones } from '../db/schema.ts';
import { slugify } from './slugify.ts';

type SluggedTable = typeof departments | typeof neighbourhoods | typeof zones;

export async function uniqueSlug(db: Db, table: SluggedTable, name: string): Promise<string> {
	const base = slugify(name);
	const t = table as typeof zones;
	for (let n = 1; ; n++) {
		const slug = n === 1 ? base : `${base}-${n}`;
		const [taken] = await db.select({ slug: t.slug }).from(t).where(eq(t.slug, slug));
		if (!taken) return slug;
	}
}
