/**
 * Public statistics of the city's reports, per department and per neighbourhood: volume, open and fixed counts, the
 * median time to the first answer and to the fix (in days), and the overdue share — of the reports that have a legal
 * answer date (anonymous notices have none), those answered after it or still unanswered past it. Hidden
 * (moderated) reports and duplicates (merged into another report) are left out.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Translated } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/index.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { OPEN_STATES_SQL } from './schema.ts';

export interface ReportsStatsRow {
	id: string | null;
	slug: string | null;
	name: Translated | null;
	reports: number;
	open: number;
	fixed: number;
	medianDaysToFirstAnswer: number | null;
	medianDaysToFix: number | null;
	withDeadline: number;
	overdue: number;
	/** overdue / withDeadline, 0..1 with 3 decimals; null when no report has a legal answer date. */
	overdueShare: number | null;
}

export interface ReportsStats {
	/** The Europe/Bucharest date the overdue counts are computed for. */
	today: string;
	from: string | null;
	to: string | null;
	totals: ReportsStatsRow;
	departments: ReportsStatsRow[];
	neighbourhoods: ReportsStatsRow[];
}

export interface StatsPeriod {
	/** Inclusive calendar dates (Europe/Bucharest) of registration. */
	from?: string | null;
	to?: string | null;
}

type Raw = Record<string, unknown>;

const num = (v: unknown) => Number(v ?? 0);
const days = (seconds: unknown) =>
	seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 86_400) * 10) / 10;

function measures(today: string): SQL {
	// The first answer: the first public answer, else the fix or the closing (a report closed without a word counts).
	const answeredAt = sql`coalesce(r.first_answered_at, r.fixed_at, r.closed_at)`;
	const due = sql`coalesce(r.extended_due_on, r.due_on)`;
	return sql`
		count(*)::int as reports,
		count(*) filter (where r.state in ${sql.raw(OPEN_STATES_SQL)})::int as open,
		count(*) filter (where r.fixed_at is not null)::int as fixed,
		percentile_cont(0.5) within group (order by extract(epoch from (${answeredAt} - r.created_at))) as answer_seconds,
		percentile_cont(0.5) within group (order by extract(epoch from (r.fixed_at - r.created_at))) as fix_seconds,
		count(*) filter (where r.due_on is not null)::int as with_deadline,
		count(*) filter (where r.due_on is not null and (
			(${answeredAt} is null and ${due} < ${today}::date)
			or (${answeredAt} is not null and (${answeredAt} at time zone 'Europe/Bucharest')::date > ${due})
		))::int as overdue`;
}

function row(r: Raw): ReportsStatsRow {
	const withDeadline = num(r.with_deadline);
	const overdue = num(r.overdue);
	return {
		id: (r.id as string | null) ?? null,
		slug: (r.slug as string | null) ?? null,
		name: (r.name as Translated | null) ?? null,
		reports: num(r.reports),
		open: num(r.open),
		fixed: num(r.fixed),
		medianDaysToFirstAnswer: days(r.answer_seconds),
		medianDaysToFix: days(r.fix_seconds),
		withDeadline,
		overdue,
		overdueShare: withDeadline ? Math.round((overdue / withDeadline) * 1000) / 1000 : null
	};
}

const rowsOf = (res: unknown) => ((res as { rows?: Raw[] }).rows ?? []) as Raw[];

/** The statistics of one reports module, optionally for reports registered within a period. */
export async function reportsStats(
	db: Db,
	moduleId: string,
	period: StatsPeriod = {},
	now: Date = new Date()
): Promise<ReportsStats> {
	const today = todayInBucharest(now.getTime());
	const where = sql`r.module_id = ${moduleId} and r.hidden_at is null and r.state <> 'duplicate'
		${period.from ? sql`and (r.created_at at time zone 'Europe/Bucharest')::date >= ${period.from}::date` : sql``}
		${period.to ? sql`and (r.created_at at time zone 'Europe/Bucharest')::date <= ${period.to}::date` : sql``}`;
	const m = measures(today);
	const [totals, byDepartment, byNeighbourhood] = await Promise.all([
		db.execute(sql`select ${m} from reports_reports r where ${where}`),
		db.execute(sql`select d.id, d.slug, d.name, ${m}
			from reports_reports r join departments d on d.id = r.department_id
			where ${where} group by d.id, d.slug, d.name order by count(*) desc, d.slug`),
		db.execute(sql`select n.id, n.slug, n.name, ${m}
			from reports_reports r join neighbourhoods n on n.id = r.neighbourhood_id
			where ${where} group by n.id, n.slug, n.name order by count(*) desc, n.slug`)
	]);
	return {
		today,
		from: period.from ?? null,
		to: period.to ?? null,
		totals: row(rowsOf(totals)[0] ?? {}),
		departments: rowsOf(byDepartment).map(row),
		neighbourhoods: rowsOf(byNeighbourhood).map(row)
	};
}
