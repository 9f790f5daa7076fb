/**
 * Staff create or change a pot of the edition: a platform zone (or the city-wide pot), its budget, the most one
 * project may cost, the fewest eligible projects wanted, and the population (for turnout). A pot's code cannot
 * change once projects carry it in their codes.
 */
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { zones } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { cleanTranslated } from '../../../platform/spaces/forms.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { PotInput } from '../forms.ts';
import { findPot } from '../queries.ts';
import { budgetsProjects, budgetsZones } from '../schema.ts';

export async function savePot(
	actor: Actor,
	{ moduleId, potId }: { moduleId: string; potId?: string },
	input: PotInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	const existing = potId ? await findPot(db, moduleId, potId) : undefined;
	if (potId && !existing) throw new NotFoundError('pot');
	const parsed = PotInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const d = parsed.data;
	const errors: FieldErrors = {};
	const others = (extra: ReturnType<typeof eq>) =>
		db
			.select({ id: budgetsZones.id })
			.from(budgetsZones)
			.where(and(eq(budgetsZones.moduleId, moduleId), extra, potId ? ne(budgetsZones.id, potId) : undefined));
	if ((await others(eq(budgetsZones.code, d.code))).length) errors.code = 'budgets_error_pot_code_taken';
	if (d.zoneId) {
		const [z] = await db.select({ id: zones.id }).from(zones).where(eq(zones.id, d.zoneId));
		if (!z) errors.zoneId = 'budgets_error_zone';
		else if ((await others(eq(budgetsZones.zoneId, d.zoneId))).length) errors.zoneId = 'budgets_error_zone_taken';
	} else if ((await others(isNull(budgetsZones.zoneId))).length) errors.zoneId = 'budgets_error_city_wide_taken';
	if (d.maxProjectCost !== null && d.maxProjectCost > d.budget)
		errors.maxProjectCost = 'budgets_error_max_above_budget';
	if (existing && existing.code !== d.code) {
		const [{ n }] = await db
			.select({ n: count() })
			.from(budgetsProjects)
			.where(eq(budgetsProjects.zoneId, existing.id));
		if (n > 0) errors.code = 'budgets_error_pot_code_locked';
	}
	if (Object.keys(errors).length) return invalid(errors);
	const values = {
		code: d.code,
		name: cleanTranslated(d.name),
		zoneId: d.zoneId ?? null,
		budget: d.budget,
		maxProjectCost: d.maxProjectCost,
		minEligibleProjects: d.minEligibleProjects,
		population: d.population,
		position: d.position
	};
	const id = await db.transaction(async (tx) => {
		const [row] = existing
			? await tx.update(budgetsZones).set(values).where(eq(budgetsZones.id, existing.id)).returning()
			: await tx
					.insert(budgetsZones)
					.values({ moduleId, ...values })
					// Two identical forms at once: the unique (module, code) index keeps one pot.
					.onConflictDoNothing()
					.returning();
		if (!row) return null;
		await recordAction(tx as unknown as Db, actor, {
			action: existing ? 'budgets.update_pot' : 'budgets.create_pot',
			resourceType: 'budget_pot',
			resourceId: row.id,
			spaceId: ctx.space.id,
			data: values
		});
		return row.id;
	});
	return id ? ok({ id }) : invalid({ code: 'budgets_error_pot_code_taken' });
}
