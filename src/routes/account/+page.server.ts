/** "My account": the person's details and links to everything they can manage. */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { getOwnAccount } from '#lib/server/platform/auth/queries.ts';
import { getDb } from '#lib/server/platform/db/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requireUser(locals.actor, url, locals.locale);
	const account = await getOwnAccount(await getDb(), me.id);
	if (!account) error(404, 'not_found');
	return { account };
};
