/**
 * Keeps the search index (`search_documents`) up to date: one document per resource and locale. Commands index
 * what they write (`indexDocument` / `indexResource`) and remove what they delete; `reindex` rebuilds whole
 * resource types from sources handed in by the caller (module manifests' `search` entries, wired outside platform/).
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { isLocale, type Translated } from '#lib/i18n/index.ts';
import type { Db } from '../db/index.ts';
import { moduleInstances, searchDocuments } from '../db/schema.ts';

export type SearchVisibility = 'public' | 'staff';

export interface SearchDocumentInput {
	/** The kind of thing found: 'space', 'page', 'proposal'… Results are grouped by it. */
	resourceType: string;
	resourceId: string;
	/** The language of title and body; Romanian by default. */
	locale?: string;
	spaceId?: string | null;
	title: string;
	body?: string;
	/** A site path without locale prefix, e.g. '/processes/bugetare-2026'. */
	url: string;
	/** `staff`: only people with a role in force (or a role in the document's space) find it. */
	visibility?: SearchVisibility;
}

/** Bodies are cut here: the tsvector limit is 1 MB and nobody searches past the first pages of a text. */
const MAX_BODY = 100_000;

const row = (d: SearchDocumentInput) => {
	const locale = d.locale ?? 'ro';
	if (!isLocale(locale)) throw new Error(`search: unknown locale ${locale}`);
	if (!d.url.startsWith('/')) throw new Error('search: url must be a site path');
	return {
		resourceType: d.resourceType,
		resourceId: d.resourceId,
		locale,
		spaceId: d.spaceId ?? null,
		title: d.title.trim().slice(0, 500),
		body: (d.body ?? '').slice(0, MAX_BODY),
		url: d.url,
		visibility: d.visibility ?? 'public',
		updatedAt: new Date()
	};
};

/** Adds or replaces documents (matched on resource type, id and locale). */
export async function indexDocument(db: Db, doc: SearchDocumentInput | SearchDocumentInput[]): Promise<void> {
	const docs = (Array.isArray(doc) ? doc : [doc]).filter((d) => d.title.trim());
	for (let i = 0; i < docs.length; i += 500) {
		await db
			.insert(searchDocuments)
			.values(docs.slice(i, i + 500).map(row))
			.onConflictDoUpdate({
				target: [searchDocuments.resourceType, searchDocuments.resourceId, searchDocuments.locale],
				set: {
					spaceId: sql`excluded.space_id`,
					title: sql`excluded.title`,
					body: sql`excluded.body`,
					url: sql`excluded.url`,
					visibility: sql`excluded.visibility`,
					updatedAt: sql`excluded.updated_at`
				}
			});
	}
}

export interface TranslatedDocumentInput extends Omit<SearchDocumentInput, 'locale' | 'title' | 'body'> {
	title: Translated;
	body?: Partial<Translated>;
}

/**
 * Indexes a resource whose text staff wrote per locale: one document per locale that has a title (Romanian
 * always), and removes documents for locales whose translation was deleted.
 */
export async function indexResource(db: Db, doc: TranslatedDocumentInput): Promise<void> {
	const locales = Object.entries(doc.title)
		.filter(([l, t]) => isLocale(l) && typeof t === 'string' && t.trim())
		.map(([l]) => l);
	await indexDocument(
		db,
		locales.map((locale) => ({
			...doc,
			locale,
			title: (doc.title as Record<string, string>)[locale],
			body: (doc.body as Record<string, string | undefined> | undefined)?.[locale] ?? ''
		}))
	);
	const stale = and(
		eq(searchDocuments.resourceType, doc.resourceType),
		eq(searchDocuments.resourceId, doc.resourceId),
		locales.length ? notInArray(searchDocuments.locale, locales) : undefined
	);
	await db.delete(searchDocuments).where(stale);
}

/** Removes every document of a resource (all locales). */
export async function removeDocuments(db: Db, resourceType: string, resourceId: string): Promise<void> {
	await db
		.delete(searchDocuments)
		.where(and(eq(searchDocuments.resourceType, resourceType), eq(searchDocuments.resourceId, resourceId)));
}

export interface SearchSourceInput {
	resourceType: string;
	/** Every document of this resource type, as it should be in the index now. */
	documents(): Promise<SearchDocumentInput[]>;
}

/** Rebuilds the documents of each source's resource type, each in one transaction (searches never see a gap). */
export async function reindex(db: Db, sources: SearchSourceInput[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const source of sources) {
		const docs = (await source.documents()).filter((d) => d.resourceType === source.resourceType);
		await db.transaction(async (tx) => {
			await tx.delete(searchDocuments).where(eq(searchDocuments.resourceType, source.resourceType));
			await indexDocument(tx as unknown as Db, docs);
		});
		counts[source.resourceType] = docs.length;
	}
	return counts;
}

/** The ids of the modules mounted anywhere, per module kind (the manifests' search sources take them). */
export async function mountedModuleIds(db: Db, kinds: string[]): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>(kinds.map((k) => [k, []]));
	if (!kinds.length) return out;
	const rows = await db
		.select({ id: moduleInstances.id, kind: moduleInstances.kind })
		.from(moduleInstances)
		.where(inArray(moduleInstances.kind, kinds));
	for (const r of rows) out.get(r.kind)?.push(r.id);
	return out;
}
