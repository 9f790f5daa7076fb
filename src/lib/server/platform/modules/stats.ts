/** Module statistics: the date-range condition every stat applies, and the usual "rows of these modules" count. */
import { and, count, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/index.ts';

export type StatRange = { from?: Date; to?: Date };

/** `column` within the range (both ends inclusive; an open end is no condition). */
export const inRange = (column: PgColumn, range?: StatRange): SQL[] => [
	...(range?.from ? [gte(column, range.from)] : []),
	...(range?.to ? [lte(column, range.to)] : [])
];

/** Rows of `table` belonging to the modules, dated by `at` within the range, with any further conditions. */
export async function countInModules(
	db: Db,
	{ table, moduleId, at }: { table: PgTable; moduleId: PgColumn; at: PgColumn },
	moduleIds: string[],
	range?: StatRange,
	extra: SQL[] = []
): Promise<number> {
	if (!moduleIds.length) return 0;
	const [row] = await db
		.select({ n: count() })
		.from(table)
		.where(and(inArray(moduleId, moduleIds), ...inRange(at, range), ...extra));
	return row?.n ?? 0;
}
