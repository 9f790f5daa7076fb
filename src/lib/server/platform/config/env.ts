/** Reads the platform's configuration from environment variables, lazily, so `vite build` never needs secrets. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const env = (name: string): string | undefined => {
	const v = process.env[name];
	return v === undefined || v === '' ? undefined : v;
};

const positiveInt = (value: string | undefined, fallback: number): number => {
	const n = Number(value ?? fallback);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Where embedded data (PGlite, uploads, generated secret) lives when no external service is configured. */
export function dataDir(): string {
	return resolve(env('DATA_DIR') ?? './data');
}

export function databaseUrl(): string | undefined {
	return env('DATABASE_URL');
}

export function publicOrigin(): string {
	return env('ORIGIN') ?? `http://localhost:${env('PORT') ?? '3000'}`;
}

export function isProduction(): boolean {
	return process.env.NODE_ENV === 'production' && env('VOCEA_DEMO') !== '1';
}

/** Demo mode shows the development outboxes to administrators; on by default with the embedded database. */
export function isDemo(): boolean {
	const flag = env('VOCEA_DEMO');
	if (flag !== undefined) return flag === '1' || flag === 'true';
	return databaseUrl() === undefined;
}

/**
 * The secret that signs sessions. From AUTH_SECRET / BETTER_AUTH_SECRET, else generated once and kept in the
 * data folder so restarts keep sessions valid. Production with PostgreSQL must set it (several processes share it).
 */
export function authSecret(): string {
	const given = env('AUTH_SECRET') ?? env('BETTER_AUTH_SECRET');
	if (given) {
		if (given.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters long.');
		return given;
	}
	if (databaseUrl() && process.env.NODE_ENV === 'production' && env('VOCEA_DEMO') !== '1')
		throw new Error(
			'AUTH_SECRET is required when DATABASE_URL is set in production (all app processes must share it).'
		);
	const dir = dataDir();
	const file = join(dir, 'auth-secret');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret, { mode: 0o600 });
	return secret;
}

export const config = {
	smtpUrl: () => env('SMTP_URL'),
	mailFrom: () => env('MAIL_FROM') ?? 'Vocea <no-reply@localhost>',
	smsGateway: () => env('SMS_GATEWAY') ?? 'outbox',
	storage: () => (env('STORAGE') ?? 'local') as 'local' | 's3',
	s3: () => ({
		endpoint: env('S3_ENDPOINT'),
		region: env('S3_REGION') ?? 'us-east-1',
		bucket: env('S3_BUCKET'),
		accessKeyId: env('S3_ACCESS_KEY_ID'),
		secretAccessKey: env('S3_SECRET_ACCESS_KEY')
	}),
	uploadMaxBytes: () => Number(env('UPLOAD_MAX_BYTES') ?? 10 * 1024 * 1024),
	logLevel: () => env('LOG_LEVEL') ?? 'info',
	jobsEnabled: () => env('JOBS') !== 'off',
	/** on: queue and work jobs; queue: only queue them (web processes beside a dedicated worker); off: neither. */
	jobsMode: (): 'on' | 'queue' | 'off' => (env('JOBS') === 'off' ? 'off' : env('JOBS') === 'queue' ? 'queue' : 'on'),
	cityName: () => env('CITY_NAME') ?? 'Timișoara',
	/** Sign-in attempts one IP address may make per 15 minutes (raise it where many people share one address: a
	 * library, a city-hall desk, a carrier's NAT; per-account limits and lockout still apply). */
	signInLimitPerIp: () => positiveInt(env('SIGN_IN_LIMIT_PER_IP'), 30),
	/** Sign-in attempts per e-mail address per 15 minutes (besides the lockout after 5 wrong passwords in a row). */
	signInLimitPerAccount: () => positiveInt(env('SIGN_IN_LIMIT_PER_ACCOUNT'), 10),
	/** Sign-ups one IP address may make per hour (a city-hall desk signing people up needs more). */
	signUpLimitPerIp: () => positiveInt(env('SIGN_UP_LIMIT_PER_IP'), 10),
	/** Seconds an anonymous visitor's rendered page is reused (http/page-cache.ts); 0 turns the cache off. */
	pageCacheSeconds: () => {
		const n = Number(env('PAGE_CACHE_SECONDS') ?? 2);
		return Number.isFinite(n) && n > 0 ? n : 0;
	}
};
