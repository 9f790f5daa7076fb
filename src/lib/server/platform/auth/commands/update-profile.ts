/** Changes the signed-in person's display name, preferred language and (optional) neighbourhood. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { getDb } from '../../db/index.ts';
import { neighbourhoods, user } from '../../db/schema.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { displayNameField, localeField } from '../schemas.ts';

const profileInput = z.object({
	name: displayNameField,
	locale: localeField,
	neighbourhoodId: z
		.string()
		.trim()
		.max(100, 'validation_invalid')
		.optional()
		.transform((v) => v || null)
});

export async function updateProfile(actor: Actor, input: Record<string, unknown>): Promise<Result<{ locale: string }>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	if (!isUser(actor)) return invalid({ _form: 'validation_invalid' });
	const parsed = profileInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { name, locale, neighbourhoodId } = parsed.data;
	const db = await getDb();
	if (neighbourhoodId) {
		const [found] = await db
			.select({ id: neighbourhoods.id })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId));
		if (!found) return invalid({ neighbourhoodId: 'account_profile_neighbourhood_unknown' });
	}
	await db.update(user).set({ name, locale, neighbourhoodId }).where(eq(user.id, actor.id));
	return ok({ locale });
}
