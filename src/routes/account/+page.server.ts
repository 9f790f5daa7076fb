/** "My account": the person's details and links to everything they can manage. */
import type { PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { myAccount } from '#lib/server/platform/auth/queries.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	return { account: await myAccount(locals.actor) };
};
