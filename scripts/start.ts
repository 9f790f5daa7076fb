/**
 * `npm start`: builds if needed, prepares the database (migrations, demo data on the first run, the administrator),
 * then serves the platform on http://HOST:PORT (default localhost:3000). Works on PGlite (default) or DATABASE_URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const bodyLimit = () => String(Number(process.env.UPLOAD_MAX_BYTES ?? 10 * 1024 * 1024) + 1024 * 1024);

function needsBuild(): boolean {
	if (!existsSync('build/index.js') || !existsSync('build/.origin')) return true;
	if (readFileSync('build/.origin', 'utf8') !== origin) return true;
	// Rebuild when the sources changed after the last build (a fresh clone, a pull).
	const built = statSync('build/index.js').mtimeMs;
	const out = spawnSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' });
	const committed = Number(out.stdout.trim()) * 1000;
	return Number.isFinite(committed) && committed > built;
}

if (process.env.SKIP_BUILD !== '1' && needsBuild()) {
	console.log(`Building Vocea for ${origin} …`);
	const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ORIGIN: origin } });
	if (r.status !== 0) process.exit(r.status ?? 1);
	writeFileSync('build/.origin', origin);
}

const { prepare } = await import('./prepare.ts');
await prepare({ origin });

const server = spawn(process.execPath, ['build/index.js'], {
	stdio: 'inherit',
	env: {
		...process.env,
		PORT: port,
		HOST: host,
		ORIGIN: origin,
		NODE_ENV: process.env.NODE_ENV ?? 'production',
		// adapter-node refuses bodies over 512K by default; uploads (UPLOAD_MAX_BYTES, 10 MB) need room.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? bodyLimit()
	}
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
