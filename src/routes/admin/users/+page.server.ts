/** Administrators and staff search people by name or e-mail. */
import type { PageServerLoad } from './$types';
import { searchUsers } from '#lib/server/platform/people/queries.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = url.searchParams.get('q') ?? '';
	const page = Number(url.searchParams.get('page') ?? 1) || 1;
	return { q, ...(await searchUsers(locals.actor, { q, page })) };
};
