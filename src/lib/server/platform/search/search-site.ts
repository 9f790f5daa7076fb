/**
 * Site search: Romanian full text with diacritics folded (`scoli` finds „școli”), typo tolerance through trigram
 * similarity of folded titles and of the folded start of bodies, only documents the actor may see, one hit per
 * resource in the person's language (falling back to Romanian, then any), grouped by kind.
 */
import { sql, type SQL } from 'drizzle-orm';
import { isAdmin, isUser, type Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';

export interface SearchHit {
	resourceType: string;
	resourceId: string;
	title: string;
	url: string;
	/** The language of title and snippet: the person's, else Romanian (or another) when not translated. */
	locale: string;
	visibility: 'public' | 'staff';
	/** Text around the match; `mark` parts matched the query. */
	snippet: { text: string; mark: boolean }[];
	score: number;
}

export interface SearchGroup {
	kind: string;
	/** All hits of this kind (the list may show fewer). */
	count: number;
	hits: SearchHit[];
}

export interface SearchResult {
	query: string;
	total: number;
	groups: SearchGroup[];
	/** The kind the search was narrowed to, if any. */
	kind: string | null;
}

export interface SearchArgs {
	query: string;
	locale: string;
	actor: Actor;
	/** Hits shown per kind (all kinds) or in total (one kind). */
	limit?: number;
	/** Narrow to one kind. */
	kind?: string | null;
}

/** Hits considered per search; enough for any results page a person reads. */
const MAX_HITS = 500;
export const MAX_QUERY_LENGTH = 200;
/** How close a query must be to some stretch of a title (pg_trgm word similarity) to count as a typo'd match. */
const WORD_SIMILARITY = 0.5;
/**
 * Typos are forgiven in the first this-many characters of a body (the length the trigram index
 * `search_documents_body_trgm_idx` covers; the two must stay equal for the index to be used). Exact words are found
 * anywhere in the body by the full-text index.
 */
export const FUZZY_BODY_CHARS = 2000;
const fuzzyBody = sql.raw(`f_unaccent(lower(left(d.body, ${FUZZY_BODY_CHARS})))`);

type Row = {
	resource_type: string;
	resource_id: string;
	locale: string;
	title: string;
	url: string;
	visibility: 'public' | 'staff';
	score: number | string;
};

const rowsOf = <T>(result: unknown): T[] =>
	Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

/** Which documents the actor may find: everyone public ones; staff ones with a role in force or a space role. */
function visibleTo(actor: Actor): SQL {
	if (isAdmin(actor) || (isUser(actor) && actor.roles.length > 0)) return sql`true`;
	const spaces = isUser(actor) ? Object.keys(actor.spaceRoles) : [];
	if (!spaces.length) return sql`d.visibility = 'public'`;
	return sql`(d.visibility = 'public' OR d.space_id IN (${sql.join(
		spaces.map((s) => sql`${s}`),
		sql`, `
	)}))`;
}

const START = '\u0002';
const STOP = '\u0003';

function splitSnippet(text: string): { text: string; mark: boolean }[] {
	const parts: { text: string; mark: boolean }[] = [];
	for (const [i, chunk] of text.split(START).entries()) {
		if (i === 0) {
			if (chunk) parts.push({ text: chunk, mark: false });
			continue;
		}
		const [marked, rest = ''] = chunk.split(STOP);
		if (marked) parts.push({ text: marked, mark: true });
		if (rest) parts.push({ text: rest, mark: false });
	}
	return parts;
}

export async function searchSite({ query, locale, actor, limit = 10, kind = null }: SearchArgs): Promise<SearchResult> {
	const q = query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
	if (q.length < 2) return { query: q, total: 0, groups: [], kind };
	const db = await getDb();
	const visible = visibleTo(actor);
	const onlyKind = kind ? sql`AND d.resource_type = ${kind}` : sql``;
	// Matches: full text on title + body, or a title that is trigram-similar to the query (whole title, or the
	// best-matching stretch of a long title), or a stretch of the body's start that is. Both sides folded with
	// f_unaccent(lower()), the indexed expressions.
	const result = await db.transaction(async (tx) => {
		// One typo in a single word scores about 0.55 against the best stretch of a title; the default bar is 0.6.
		// SET LOCAL keeps it to this transaction, so pooled connections are left as they were.
		await tx.execute(sql`SET LOCAL pg_trgm.word_similarity_threshold = ${sql.raw(String(WORD_SIMILARITY))}`);
		return tx.execute(sql`
		WITH q AS (
			SELECT websearch_to_tsquery('ro_unaccent', ${q}) AS tsq, f_unaccent(lower(${q})) AS fq
		),
		hits AS (
			SELECT d.resource_type, d.resource_id,
				max(
					ts_rank_cd(d.search, q.tsq, 32) * 2
					+ greatest(
						similarity(f_unaccent(lower(d.title)), q.fq),
						word_similarity(q.fq, f_unaccent(lower(d.title))),
						-- a near match in the body counts for less than one in the title
						word_similarity(q.fq, ${fuzzyBody}) * 0.5
					)
				) AS score
			FROM search_documents d, q
			WHERE (d.search @@ q.tsq OR f_unaccent(lower(d.title)) % q.fq OR q.fq <% f_unaccent(lower(d.title))
				OR q.fq <% ${fuzzyBody})
				AND ${visible} ${onlyKind}
			GROUP BY d.resource_type, d.resource_id
			ORDER BY score DESC
			LIMIT ${MAX_HITS}
		)
		SELECT DISTINCT ON (h.resource_type, h.resource_id)
			h.resource_type, h.resource_id, h.score, d.locale, d.title, d.url, d.visibility
		FROM hits h
		JOIN search_documents d ON d.resource_type = h.resource_type AND d.resource_id = h.resource_id
		WHERE ${visible}
		ORDER BY h.resource_type, h.resource_id, (d.locale = ${locale}) DESC, (d.locale = 'ro') DESC, d.locale
	`);
	});
	const rows = rowsOf<Row>(result).map((r) => ({ ...r, score: Number(r.score) }));
	const byKind = new Map<string, Row[]>();
	for (const r of rows.sort((a, b) => Number(b.score) - Number(a.score)))
		(byKind.get(r.resource_type) ?? byKind.set(r.resource_type, []).get(r.resource_type)!).push(r);
	const perKind = Math.max(1, Math.min(kind ? 100 : limit, 100));
	const shown = [...byKind.values()].flatMap((list) => list.slice(0, perKind));
	const snippets = await headlines(shown, q);
	const groups: SearchGroup[] = [...byKind.entries()].map(([k, list]) => ({
		kind: k,
		count: list.length,
		hits: list.slice(0, perKind).map((r) => ({
			resourceType: r.resource_type,
			resourceId: r.resource_id,
			title: r.title,
			url: r.url,
			locale: r.locale,
			visibility: r.visibility,
			snippet: snippets.get(`${r.resource_type}\u0000${r.resource_id}\u0000${r.locale}`) ?? [],
			score: Number(r.score)
		}))
	}));
	return { query: q, total: rows.length, groups, kind };

	/** Text around the match for the shown hits only (ts_headline is too costly for every hit). */
	async function headlines(list: Row[], text: string) {
		const out = new Map<string, { text: string; mark: boolean }[]>();
		if (!list.length) return out;
		const keys = sql.join(
			list.map((r) => sql`(${r.resource_type}, ${r.resource_id}, ${r.locale})`),
			sql`, `
		);
		const options = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1`;
		const res = await db.execute(sql`
			SELECT resource_type, resource_id, locale,
				ts_headline('ro_unaccent', body, websearch_to_tsquery('ro_unaccent', ${text}), ${options}) AS snippet
			FROM search_documents
			WHERE body <> '' AND (resource_type, resource_id, locale) IN (${keys})
		`);
		for (const r of rowsOf<{ resource_type: string; resource_id: string; locale: string; snippet: string }>(res))
			out.set(`${r.resource_type}\u0000${r.resource_id}\u0000${r.locale}`, splitSnippet(r.snippet));
		return out;
	}
}
