/** `GET /api/v1/reports/stats`: the public statistics of the city's reports, validated against their zod schema. */
import { z } from 'zod';
import { translate } from '#lib/i18n/index.ts';
import { ApiText } from '../../platform/spaces/api-schemas.ts';
import { getDb } from '../../platform/db/index.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { canReports, cityReportsModule } from './context.ts';
import { reportsStats, type ReportsStatsRow } from './stats.ts';

const ApiReportsStatsRow = z
	.object({
		id: z.string().nullable().meta({ description: 'Department or neighbourhood id; null in `totals`.' }),
		slug: z.string().nullable(),
		name: ApiText.nullable(),
		reports: z.number().int().meta({ description: 'Reports registered (hidden and duplicate reports left out).' }),
		open: z.number().int().meta({ description: 'Of them, still open (new, confirmed, in progress).' }),
		fixed: z.number().int().meta({ description: 'Of them, marked fixed at some point.' }),
		medianDaysToFirstAnswer: z
			.number()
			.nullable()
			.meta({ description: 'Median days from registration to the first public answer (or fix/closing).' }),
		medianDaysToFix: z.number().nullable().meta({ description: 'Median days from registration to the fix.' }),
		withDeadline: z
			.number()
			.int()
			.meta({ description: 'Reports with a legal answer date (OG 27/2002); anonymous notices have none.' }),
		overdue: z
			.number()
			.int()
			.meta({ description: 'Of those, answered after the (extended) answer date or unanswered past it.' }),
		overdueShare: z.number().nullable().meta({ description: 'overdue / withDeadline (0..1); null when 0 / 0.' })
	})
	.meta({ id: 'ReportsStatsRow' });

export const ApiReportsStats = z
	.object({
		today: z.iso.date().meta({ description: 'The Europe/Bucharest date overdue is computed for.' }),
		from: z.iso.date().nullable(),
		to: z.iso.date().nullable(),
		totals: ApiReportsStatsRow,
		departments: z.array(ApiReportsStatsRow),
		neighbourhoods: z.array(ApiReportsStatsRow)
	})
	.meta({ id: 'ReportsStats' });

export { ApiReportsStatsRow };

const isoDate = z.iso.date();

/** Reads `from`/`to` (YYYY-MM-DD); a malformed one is a 400 (`{ error }`). */
export function statsPeriod(params: URLSearchParams): { from: string | null; to: string | null } | { error: string } {
	const out: { from: string | null; to: string | null } = { from: null, to: null };
	for (const key of ['from', 'to'] as const) {
		const v = params.get(key);
		if (!v) continue;
		if (!isoDate.safeParse(v).success) return { error: `invalid_${key}` };
		out[key] = v;
	}
	return out;
}

const localise = (row: ReportsStatsRow, locale: string | null) =>
	locale && row.name ? { ...row, name: translate(row.name, locale).text } : row;

export async function reportsStatsForApi(period: { from: string | null; to: string | null }, locale: string | null) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(anonymous(), 'read', ctx));
	const stats = await reportsStats(db, ctx.module.id, period);
	return ApiReportsStats.parse({
		...stats,
		departments: stats.departments.map((r) => localise(r, locale)),
		neighbourhoods: stats.neighbourhoods.map((r) => localise(r, locale))
	});
}
