/**
 * Open311 configuration from the environment: the jurisdiction id (`OPEN311_JURISDICTION`, default `timisoara.ro`),
 * keys accepted besides those administrators issue (`OPEN311_API_KEYS`, comma-separated: for scripts and tests), the
 * requests a key may make per minute (`OPEN311_RATE_LIMIT`, default 120) and the discovery contact texts.
 */
const env = (name: string): string | undefined => {
	const v = process.env[name]?.trim();
	return v ? v : undefined;
};

export const open311Config = {
	jurisdiction: () => env('OPEN311_JURISDICTION') ?? 'timisoara.ro',
	environmentKeys: (): string[] =>
		(env('OPEN311_API_KEYS') ?? '')
			.split(',')
			.map((k) => k.trim())
			.filter(Boolean),
	ratePerMinute: () => {
		const n = Number(env('OPEN311_RATE_LIMIT') ?? 120);
		return Number.isInteger(n) && n > 0 ? n : 120;
	},
	contact: (origin: string) =>
		env('OPEN311_CONTACT') ?? `Primăria Municipiului Timișoara, problem reports: ${origin}/reports`,
	keyService: (origin: string) =>
		env('OPEN311_KEY_SERVICE') ??
		`API keys for posting requests are issued by the city's administrators (ask through ${origin}/reports); reading needs no key.`
};

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Requests answered per page by default and at most (the standard's "first 1000 requests"). */
export const MAX_PAGE_SIZE = 1000;
/** The widest date range of `requests` and `servicerequestupdates` (the standard's 90 days). */
export const MAX_RANGE_DAYS = 90;
export const DEFAULT_RADIUS_METERS = 1000;
export const MAX_RADIUS_METERS = 50_000;
