import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseURL } from './support/browser.ts';

const buildDir = process.env.BUILD_DIR || 'build';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function startServer(port: number, dataDir: string) {
	const output: string[] = [];
	const child: ChildProcess = spawn(process.execPath, [`${buildDir}/index.js`], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			DATABASE_URL: '',
			LOG_LEVEL: 'info'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (b) => output.push(String(b)));
	child.stderr!.on('data', (b) => output.push(String(b)));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, output, exited };
}

async function waitHealthy(port: number) {
	for (let i = 0; i < 240; i++) {
		try {
			const r = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (r.ok) return (await r.json()) as Record<string, unknown>;
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('server did not become healthy');
}

describe('an operator runs the server', () => {
	it('refuses a second process on the same embedded data folder with a clear error, and stops cleanly on SIGTERM', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'vocea-ops-'));
		dirs.push(dataDir);
		const first = startServer(4191, dataDir);
		const health = await waitHealthy(4191);
		expect(health).toMatchObject({ status: 'ok', database: 'ok', databaseKind: 'pglite', embedded: true });
		expect(first.output.join('')).toContain('small pilots');

		const second = startServer(4192, dataDir);
		const code = await second.exited;
		expect(code).not.toBe(0);
		expect(second.output.join('')).toMatch(/already in use by process \d+/);

		first.child.kill('SIGTERM');
		expect(await first.exited).toBe(0);
		expect(first.output.join('')).toContain('shut down cleanly');
	});

	it('answers health and Prometheus metrics', async () => {
		const health = await fetch(`${baseURL()}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
		const metrics = await fetch(`${baseURL()}/metrics`);
		expect(metrics.headers.get('content-type')).toContain('text/plain');
		const text = await metrics.text();
		expect(text).toContain('# TYPE vocea_http_requests_total counter');
		expect(text).toMatch(/vocea_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
	});

	it('sends the security headers and refuses cross-site form posts', async () => {
		const page = await fetch(`${baseURL()}/`);
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(page.headers.get('x-frame-options')).toBe('DENY');
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		const forged = await fetch(`${baseURL()}/account/sign-in`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=a%40b.ro&password=x',
			redirect: 'manual'
		});
		expect(forged.status).toBe(403);
	});
});
