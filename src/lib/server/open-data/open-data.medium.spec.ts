import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../tests/support/spaces.ts';
import type { Actor } from '../platform/actors/actor.ts';
import type { AnyModule } from '../platform/modules/define-module.ts';
import { NotFoundError } from '../platform/result.ts';
import { configureModule } from '../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../platform/spaces/commands/mount-module.ts';
import { publishProcess } from '../platform/spaces/commands/publish-process.ts';
import { createPage } from '../modules/pages/commands/create-page.ts';
import { findModule } from '../registry.ts';
import { dataCatalogue } from './catalogue.ts';
import { exportOpenData } from './export-data.ts';
import { isPersonalColumn } from './personal-columns.ts';

useTestDatabase();
const pages = () => findModule('pages')!;

/** A process with a pages module holding the given pages; the process and the module published as asked. */
async function processWithPages(
	admin: Actor,
	title: string,
	titles: string[],
	{ publishProcess: publishSpace = true, publishModule = true } = {}
) {
	const process = await processWithThreePhases(admin, new Date(), title);
	const mounted = await mountModule(admin, { spaceId: process.spaceId, manifest: pages() }, { title: { ro: 'Info' } });
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	await configureModule(
		admin,
		{ spaceId: process.spaceId, moduleId, manifest: pages() },
		{ title: { ro: 'Info' }, published: publishModule, settings: {}, phaseSettings: {}, requiredVerifications: {} }
	);
	for (const t of titles) {
		const r = await createPage(admin, { moduleId }, { title: { ro: t }, body: { ro: `Despre **${t}**.` } });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
	}
	if (publishSpace) expect((await publishProcess(admin, process.spaceId)).ok).toBe(true);
	return { ...process, moduleId };
}

/** RFC 4180 reader, enough for the test: quoted fields with doubled quotes, commas and line breaks. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

async function threeProcesses() {
	const admin = await person(['admin']);
	const open = await processWithPages(admin, 'Bugetare 2027', ['Regulament, „ediția 2027”', 'Calendar']);
	const draft = await processWithPages(admin, 'Proces ciornă', ['Pagină secretă'], { publishProcess: false });
	const hidden = await processWithPages(admin, 'Modul ascuns', ['Pagină nepublicată'], { publishModule: false });
	return { admin, open, draft, hidden };
}

describe('open data', () => {
	it('lists the exports of published modules city-wide and per published process, with documented columns', async () => {
		const { open } = await threeProcesses();
		const catalogue = await dataCatalogue('en');
		expect(catalogue.cityWide.map((e) => [e.module, e.name, e.csv, e.json])).toEqual([
			['pages', 'pages', '/data/exports/pages/pages.csv', '/data/exports/pages/pages.json']
		]);
		const columns = catalogue.cityWide[0].columns;
		expect(columns.map((c) => c.name)).toEqual(['id', 'process', 'position', 'title', 'text', 'url', 'updated_at']);
		expect(columns.every((c) => c.description.text.length > 5)).toBe(true);
		expect(catalogue.processes.map((p) => p.slug)).toEqual([open.slug]);
		expect(catalogue.processes[0].exports[0].csv).toBe(`/data/processes/${open.slug}/pages/pages.csv`);
		const romanian = await dataCatalogue('ro');
		expect(romanian.cityWide[0].columns[3].description).toEqual({ text: 'Titlul, în limba română.', lang: null });
	});

	it('lists nothing while nothing is published', async () => {
		const admin = await person(['admin']);
		await processWithPages(admin, 'Ciornă', ['A'], { publishProcess: false });
		expect(await dataCatalogue('ro')).toEqual({ cityWide: [], processes: [] });
	});

	it('writes city-wide CSV with the documented header and only published pages, and no personal data', async () => {
		const { admin, open } = await threeProcesses();
		const file = await exportOpenData({ module: 'pages', file: 'pages.csv' });
		expect(file.contentType).toBe('text/csv; charset=utf-8; header=present');
		expect(file.fileName).toMatch(/^pages-pages-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(file.body.endsWith('\r\n')).toBe(true);
		const [header, ...rows] = parseCsv(file.body);
		expect(header).toEqual(['id', 'process', 'position', 'title', 'text', 'url', 'updated_at']);
		expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
			[open.slug, '0', 'Regulament, „ediția 2027”'],
			[open.slug, '1', 'Calendar']
		]);
		expect(rows[1][4]).toBe('Despre Calendar.');
		expect(rows[1][5]).toBe(`/processes/${open.slug}/pages/${open.moduleId}/calendar`);
		expect(header.some(isPersonalColumn)).toBe(false);
		expect(header.filter((h) => /mail|user|author|owner/i.test(h))).toEqual([]);
		expect(file.body).not.toContain(admin.email);
		expect(file.body).not.toContain(admin.id);
		expect(file.body).not.toContain('secretă');
		expect(file.body).not.toContain('nepublicată');
	});

	it('writes JSON with the column documentation and rows of exactly the documented keys', async () => {
		const { open } = await threeProcesses();
		const file = await exportOpenData({ module: 'pages', file: 'pages.json', processSlug: open.slug });
		expect(file.fileName).toMatch(new RegExp(`^${open.slug}-pages-pages-\\d{4}-\\d{2}-\\d{2}\\.json$`));
		const data = JSON.parse(file.body);
		expect(data).toMatchObject({ module: 'pages', export: 'pages', process: open.slug });
		expect(data.rows).toHaveLength(2);
		for (const row of data.rows)
			expect(Object.keys(row)).toEqual(['id', 'process', 'position', 'title', 'text', 'url', 'updated_at']);
		expect(data.rows[0]).toMatchObject({ title: 'Regulament, „ediția 2027”', position: 0 });
	});

	it('has no per-process file for a draft process, a hidden module, an unknown export or format', async () => {
		const { draft, hidden, open } = await threeProcesses();
		for (const request of [
			{ module: 'pages', file: 'pages.csv', processSlug: draft.slug },
			{ module: 'pages', file: 'pages.csv', processSlug: hidden.slug },
			{ module: 'pages', file: 'pages.csv', processSlug: 'nu-exista' },
			{ module: 'pages', file: 'pages.xml', processSlug: open.slug },
			{ module: 'pages', file: 'other.csv' },
			{ module: 'proposals', file: 'pages.csv' }
		])
			await expect(exportOpenData(request)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('sends only the declared columns, whatever a module returns, and refuses a personal column', async () => {
		const admin = await person(['admin']);
		await processWithPages(admin, 'Bugetare', ['A']);
		const leaky: AnyModule = {
			...pages(),
			exports: [
				{
					name: 'pages',
					description: 'Probe.',
					columns: [{ name: 'id', description: 'Id.' }],
					rows: async (_db, ids) => ids.map((id) => ({ id, author_email: 'someone@example.ro' }))
				}
			]
		};
		const file = await exportOpenData({ module: 'pages', file: 'pages.csv' }, [leaky]);
		expect(file.body).not.toContain('someone@example.ro');
		expect(parseCsv(file.body)[0]).toEqual(['id']);
		const personal: AnyModule = {
			...leaky,
			exports: [{ ...leaky.exports[0], columns: [{ name: 'author_email', description: 'Who wrote it.' }] }]
		};
		await expect(exportOpenData({ module: 'pages', file: 'pages.csv' }, [personal])).rejects.toThrow(/personal/);
		await expect(dataCatalogue('en', [personal])).rejects.toThrow(/personal/);
	});
});
