/**
 * e2e support: the npm package `open311@0.0.12` (codeforamerica/node-open311), installed as standards.md §2 recipe A
 * says — `npm pack` from the registry, its two old plain-JS dependencies, and stubs for its XML libraries (`sparkxml`
 * comes from a git URL and `xml2json` needs a native build; the client is used in JSON mode). Installed once into
 * `node_modules/.cache/vocea-open311-client/` (ignored by git), so a clean clone gets it on the first run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const VERSION = '0.0.12';
const dir = resolve('node_modules/.cache/vocea-open311-client');
const entry = join(dir, 'vendor/open311/open311.js');
const marker = join(dir, `installed-${VERSION}`);

function run(command: string, args: string[]) {
	const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Installs the client if this checkout does not have it yet; returns the path of `open311.js`. */
export function installOpen311Client(): string {
	if (existsSync(marker) && existsSync(entry)) return entry;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'vendor/open311'), { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'open311-client-fixture', private: true }));
	run('npm', ['pack', `open311@${VERSION}`, '--silent']);
	run('tar', ['xzf', `open311-${VERSION}.tgz`, '-C', 'vendor/open311', '--strip-components=1']);
	run('npm', [
		'install',
		'--no-save',
		'--no-audit',
		'--no-fund',
		'--no-package-lock',
		'request@2.11.4',
		'lodash@0.6.1'
	]);
	for (const [name, fn] of [
		['sparkxml', 'parseXml'],
		['xml2json', 'toJson']
	]) {
		mkdirSync(join(dir, 'vendor/node_modules', name), { recursive: true });
		writeFileSync(
			join(dir, 'vendor/node_modules', name, 'index.js'),
			`module.exports = { ${fn}() { throw new Error('XML is not used: the client runs in JSON mode'); } };\n`
		);
	}
	writeFileSync(marker, new Date().toISOString());
	return entry;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the client is untyped 2013 JavaScript */
export interface Open311Client {
	serviceDiscovery(options: object, cb: (err: any, data: any) => void): void;
	serviceList(cb: (err: any, data: any) => void): void;
	serviceDefinition(code: string, cb: (err: any, data: any) => void): void;
	submitRequest(data: object, cb: (err: any, data: any) => void): void;
	serviceRequests(idOrParams: any, params: any, cb?: (err: any, data: any) => void): void;
	token(token: string, cb: (err: any, data: any) => void): void;
}

/** A client for `discovery` (a `/discovery.json` URL) with a jurisdiction and an API key. */
export function open311Client(options: { discovery: string; jurisdiction: string; apiKey: string }): Open311Client {
	const Open311 = createRequire(import.meta.url)(installOpen311Client()) as new (o: object) => Open311Client;
	return new Open311(options);
}

/** The client's callback style as a promise (its `err` is a status code or `true` on failure). */
export function call<T = any>(fn: (cb: (err: any, data: any) => void) => void): Promise<T> {
	return new Promise((ok, fail) =>
		fn((err, data) => (err ? fail(new Error(`open311 client error ${err}: ${data}`)) : ok(data as T)))
	);
}
/* eslint-enable @typescript-eslint/no-explicit-any */
