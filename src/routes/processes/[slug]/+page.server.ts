/** Public: one process — path of phases, what a citizen can do now, what comes next, documents, modules. */
import type { PageServerLoad } from './$types';
import { processPage } from '#lib/server/spaces-runtime/process-view.ts';
import { isUser } from '#lib/server/platform/actors/actor.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await processPage(locals.actor, params.slug);
	return {
		space: view.space,
		phases: view.timeline.phases,
		current: view.timeline.current,
		next: view.timeline.next,
		documents: view.documents,
		tabs: view.tabs,
		canDoNow: view.canDoNow,
		following: view.following,
		signedIn: isUser(locals.actor),
		// Served shared to a signed-in visitor: `following` and `signedIn` come with it (personal-parts.ts).
		deferred: locals.personalDeferred
	};
};
