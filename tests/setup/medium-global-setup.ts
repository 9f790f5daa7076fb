/**
 * Builds one migrated template database per run: a PGlite data-dir dump (default), or a PostgreSQL template
 * database when TEST_DATABASE_URL is set. Each test file then gets its own clone (tests/setup/database.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPglite, fromPglite, fromPostgresUrl, migrateDatabase } from '../../src/lib/server/platform/db/index.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		templateDump: string;
		templateDatabase: string;
	}
}

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	if (url) {
		const admin = await fromPostgresUrl(url, 1);
		const name = `vocea_tpl_${process.pid}`;
		await admin.pool!.query(`DROP DATABASE IF EXISTS ${name}`);
		await admin.pool!.query(`CREATE DATABASE ${name}`);
		const u = new URL(url);
		u.pathname = `/${name}`;
		const tpl = await fromPostgresUrl(u.toString(), 2);
		await migrateDatabase(tpl);
		await tpl.close();
		project.provide('templateDatabase', name);
		project.provide('templateDump', '');
		return async () => {
			await admin.pool!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
			await admin.close();
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'vocea-test-'));
	const client = await createPglite();
	const database = await fromPglite(client);
	await migrateDatabase(database);
	const dump = await client.dumpDataDir('none');
	const file = join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	await database.close();
	project.provide('templateDump', file);
	project.provide('templateDatabase', '');
	return () => rmSync(dir, { recursive: true, force: true });
}
