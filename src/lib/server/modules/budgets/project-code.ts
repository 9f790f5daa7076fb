/**
 * Project codes (`Z3-07`): assigned in order within a pot. The pot's row is locked for the rest of the transaction,
 * so two ideas submitted at once into one pot never compute the same next number (the unique index on
 * (module, code) is the backstop).
 */
import { and, eq, like, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';

export async function nextProjectCode(tx: Tx, moduleId: string, potId: string): Promise<string> {
	const [pot] = await tx
		.select({ code: budgetsZones.code })
		.from(budgetsZones)
		.where(and(eq(budgetsZones.id, potId), eq(budgetsZones.moduleId, moduleId)))
		.for('update');
	if (!pot) throw new Error('nextProjectCode: unknown pot');
	const prefix = `${pot.code}-`;
	const [row] = await tx
		.select({
			last: sql<
				number | null
			>`max(nullif(regexp_replace(substr(${budgetsProjects.code}, ${prefix.length + 1}), '[^0-9]', '', 'g'), '')::int)`
		})
		.from(budgetsProjects)
		.where(and(eq(budgetsProjects.moduleId, moduleId), like(budgetsProjects.code, `${prefix}%`)));
	return `${prefix}${String((row?.last ?? 0) + 1).padStart(2, '0')}`;
}
