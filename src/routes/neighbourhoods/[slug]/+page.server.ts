/** Public: one neighbourhood — its processes and what modules placed there; follow it to hear about new things. */
import type { PageServerLoad } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { viewNeighbourhood } from '#lib/server/platform/geo/neighbourhood-views.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	...(await viewNeighbourhood(locals.actor, params.slug)),
	signedIn: isUser(locals.actor)
});
