/** Sets how the actor receives notification e-mails: instant, a daily digest, or none. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { user } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok } from '../../result.ts';
import { emailModes } from '../render.ts';

const EmailModeForm = z.object({ emailMode: z.enum(emailModes, 'notifications_email_mode_required') });

export async function setEmailMode(actor: Actor, input: Record<string, unknown>) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const form = EmailModeForm.safeParse(input);
	if (!form.success) return invalid(form.error);
	const db = await getDb();
	await db.update(user).set({ emailMode: form.data.emailMode }).where(eq(user.id, userId));
	return ok({ emailMode: form.data.emailMode });
}
