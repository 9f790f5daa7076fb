/**
 * The open-data catalogue: every export the registered modules declare, city-wide (all published instances of a
 * kind) and per published process, with its columns documented in the reader's language.
 */
import type { Translated } from '#lib/i18n/index.ts';
import { getDb } from '../platform/db/index.ts';
import { messageByKey } from '../platform/i18n.ts';
import type { AnyModule, OpenDataExport } from '../platform/modules/define-module.ts';
import { publishedModules } from '../platform/spaces/published-modules.ts';
import { modules as registered } from '../registry.ts';
import { assertNoPersonalColumns } from './personal-columns.ts';

/** A text in the reader's language, or the manifest's English text marked with its language. */
export interface Documented {
	text: string;
	lang: string | null;
}

export interface CatalogueEntry {
	module: string;
	/** The module's human name, in the reader's language. */
	moduleName: string;
	name: string;
	description: Documented;
	columns: { name: string; description: Documented }[];
	/** Download paths without locale prefix (the files are the same in every language). */
	csv: string;
	json: string;
}

export interface DataCatalogue {
	cityWide: CatalogueEntry[];
	processes: { slug: string; title: Translated; exports: CatalogueEntry[] }[];
}

const key = (s: string) => s.replace(/[^a-z0-9]+/gi, '_').toLowerCase();

/** `${module}_export_${name}_…` messages translate the manifest's English documentation where they exist. */
function documented(messageKey: string, fallback: string, locale: string): Documented {
	const text = messageByKey(messageKey, locale);
	return text === messageKey ? { text: fallback, lang: locale === 'en' ? null : 'en' } : { text, lang: null };
}

function entry(mod: AnyModule, exp: OpenDataExport, base: string, locale: string): CatalogueEntry {
	assertNoPersonalColumns(mod.name, exp.name, exp.columns);
	const prefix = `${key(mod.name)}_export_${key(exp.name)}`;
	return {
		module: mod.name,
		moduleName: messageByKey(mod.titleKey, locale),
		name: exp.name,
		description: documented(`${prefix}_description`, exp.description, locale),
		columns: exp.columns.map((c) => ({
			name: c.name,
			description: documented(`${prefix}_column_${key(c.name)}`, c.description, locale)
		})),
		csv: `${base}/${mod.name}/${exp.name}.csv`,
		json: `${base}/${mod.name}/${exp.name}.json`
	};
}

/** Only kinds published somewhere appear city-wide; a process lists the exports of its published modules. */
export async function dataCatalogue(locale: string, modules: AnyModule[] = registered): Promise<DataCatalogue> {
	const withExports = modules.filter((m) => m.exports.length);
	const published = await publishedModules(
		await getDb(),
		withExports.map((m) => m.name)
	);
	const kinds = new Set(published.map((p) => p.kind));
	const cityWide = withExports
		.filter((m) => kinds.has(m.name))
		.flatMap((m) => m.exports.map((e) => entry(m, e, '/data/exports', locale)));
	const processes = new Map<string, DataCatalogue['processes'][number] & { kinds: Set<string> }>();
	for (const p of published) {
		const known = processes.get(p.spaceSlug) ?? {
			slug: p.spaceSlug,
			title: p.spaceTitle,
			exports: [],
			kinds: new Set()
		};
		processes.set(p.spaceSlug, known);
		if (known.kinds.has(p.kind)) continue;
		known.kinds.add(p.kind);
		const mod = withExports.find((m) => m.name === p.kind)!;
		known.exports.push(...mod.exports.map((e) => entry(mod, e, `/data/processes/${p.spaceSlug}`, locale)));
	}
	return { cityWide, processes: [...processes.values()].map(({ kinds: _kinds, ...rest }) => rest) };
}
