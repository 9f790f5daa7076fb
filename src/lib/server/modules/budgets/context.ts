/** Loads a budgets module (one edition) with its typed permission context. */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import type { Decision } from '../../platform/permissions/index.ts';
import { budgets } from './manifest.ts';
import type { BudgetsAction, BudgetsContext } from './permissions.ts';

export async function budgetsModule(db: Db, moduleId: string, now: Date = new Date()) {
	const { ctx, instance } = await loadModule(db, budgets, moduleId, now);
	return { ctx: ctx as BudgetsContext, instance };
}

export const canBudgets = (actor: Actor, action: BudgetsAction, ctx: BudgetsContext): Decision =>
	can(actor, action, ctx, budgets);
