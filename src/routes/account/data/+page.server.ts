/** "Download my data": explains what the zip holds; the download itself is ./download. */
import type { PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	return {};
};
