/**
 * e2e: builds the app for a loopback origin, prepares a fresh embedded database (migrations, demo data, a known
 * administrator), starts `node build/index.js` and hands the base URL to the stories. Stops it afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		adminEmail: string;
		adminPassword: string;
		/** An administrator with the same password who has not set up two-factor sign-in yet. */
		freshAdminEmail: string;
		/** The server's fresh data folder; stories may keep run-scoped files there (e.g. the admin's TOTP secret). */
		e2eDataDir: string;
	}
}

const port = Number(process.env.E2E_PORT ?? 4173);
const FRESH_ADMIN_EMAIL = 'admin.nou@vocea.test';
const origin = `http://127.0.0.1:${port}`;
const buildDir = process.env.BUILD_DIR || 'build';

async function waitFor(url: string, ms: number) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`server did not answer ${url} within ${ms} ms`);
}

export default async function setup(project: TestProject) {
	const built = existsSync(`${buildDir}/.origin`) && readFileSync(`${buildDir}/.origin`, 'utf8') === origin;
	if (process.env.E2E_SKIP_BUILD !== '1' || !built) {
		const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ORIGIN: origin } });
		if (r.status !== 0) throw new Error('build failed');
		writeFileSync(`${buildDir}/.origin`, origin);
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'vocea-e2e-'));
	const env = {
		...process.env,
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		ADMIN_EMAIL: 'admin@vocea.test',
		ADMIN_PASSWORD: 'admin-password-e2e',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		VOCEA_TEST_HOOKS: '1',
		VOCEA_DEMO: '1',
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn',
		BODY_SIZE_LIMIT: String(11 * 1024 * 1024),
		// every story signs in from 127.0.0.1: the per-IP window would fill up across the suite (per-account limits,
		// which stories do test, stay as they are)
		SIGN_IN_LIMIT_PER_IP: '1000',
		// …and the shared administrator signs in for many stories within one 15-minute window
		SIGN_IN_LIMIT_PER_ACCOUNT: '1000',
		// Every story signs people up from 127.0.0.1: more than an hour's worth for one real address.
		SIGN_UP_LIMIT_PER_IP: '1000'
	};
	const prep = spawnSync(
		process.execPath,
		['-e', `import('./scripts/prepare.ts').then(m => m.prepare({ origin: '${origin}' }))`],
		{
			stdio: 'inherit',
			env
		}
	);
	if (prep.status !== 0) throw new Error('prepare failed');
	// A second administrator who has never signed in, reserved for the story that sets up two-factor sign-in: the
	// shared administrator may already have it on, depending on which story ran first.
	const fresh = spawnSync(
		process.execPath,
		[
			'-e',
			`const db = await import('./src/lib/server/platform/db/index.ts');
			 const { ensureAdministrator } = await import('./src/lib/server/seed/administrator.ts');
			 await ensureAdministrator((await db.getDatabase()).db);
			 await db.closeDatabase();`,
			'--input-type=module'
		],
		{ stdio: 'inherit', env: { ...env, ADMIN_EMAIL: FRESH_ADMIN_EMAIL } }
	);
	if (fresh.status !== 0) throw new Error('creating the second administrator failed');
	const server: ChildProcess = spawn(process.execPath, [`${buildDir}/index.js`], { stdio: 'inherit', env });
	await waitFor(`${origin}/healthz`, 60_000);
	project.provide('baseURL', origin);
	project.provide('adminEmail', env.ADMIN_EMAIL);
	project.provide('adminPassword', env.ADMIN_PASSWORD);
	project.provide('freshAdminEmail', FRESH_ADMIN_EMAIL);
	project.provide('e2eDataDir', dataDir);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		rmSync(dataDir, { recursive: true, force: true });
	};
}
