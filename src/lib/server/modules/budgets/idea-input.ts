/** Validates an idea (text, pot, category, cost against the pot's cap, author kind, place); all field errors at once. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { readPlace } from '../../platform/geo/place.ts';
import { invalid, ok, type FieldErrors } from '../../platform/result.ts';
import { fieldErrors } from '../../platform/spaces/forms.ts';
import { IdeaInput } from './forms.ts';
import type { AuthorKind } from './rules.ts';
import { budgetsCategories, budgetsZones } from './schema.ts';

export async function readIdea(db: Db, moduleId: string, input: IdeaInput, kinds: AuthorKind[]) {
	const form = IdeaInput.safeParse(input);
	const place = await readPlace(db, input.place ?? {});
	const errors: FieldErrors = {
		...(form.success ? {} : fieldErrors(form.error)),
		...(place.ok ? {} : place.errors)
	};
	if (form.success) {
		const d = form.data;
		const [pot] = await db
			.select()
			.from(budgetsZones)
			.where(and(eq(budgetsZones.id, d.zoneId), eq(budgetsZones.moduleId, moduleId)));
		if (!pot) errors.zoneId = 'budgets_error_pot';
		else if (d.estimatedCost > (pot.maxProjectCost ?? pot.budget))
			errors.estimatedCost = 'budgets_error_cost_above_max';
		if (d.categoryId) {
			const [c] = await db
				.select({ id: budgetsCategories.id })
				.from(budgetsCategories)
				.where(and(eq(budgetsCategories.id, d.categoryId), eq(budgetsCategories.moduleId, moduleId)));
			if (!c) errors.categoryId = 'budgets_error_category';
		}
		if (!kinds.includes(d.authorKind)) errors.authorKind = 'budgets_error_author_kind';
	}
	if (!form.success || !place.ok || Object.keys(errors).length) return invalid(errors);
	return ok({ ...form.data, place: place.value });
}
