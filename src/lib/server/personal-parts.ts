/**
 * Pages that signed-in visitors with JavaScript get from the shared page cache, and how to read their personal parts
 * (ADR 0007): the HTML is the one rendered for every signed-in visitor alike; the header's person and this route's
 * parts, read here, travel with it as JSON (shared-pages.ts). Outside platform/, since the parts come from modules.
 */
import type { HeaderPerson } from '#lib/ui/personal.svelte.ts';
import type { Actor } from './platform/actors/actor.ts';
import { isUser, needsTwoFactor } from './platform/actors/actor.ts';
import { getDb } from './platform/db/index.ts';
import { isFollowing } from './platform/notifications/follows.ts';
import { getVisibleProcess } from './platform/spaces/queries.ts';
import { readListQuery, viewProposals } from './modules/proposals/index.ts';

/** What the site header shows about the signed-in person (root layout, pages served shared). */
export function headerPerson(actor: Actor, unreadNotifications: number): HeaderPerson | null {
	if (!isUser(actor)) return null;
	return {
		id: actor.id,
		name: actor.name,
		isStaff: actor.roles.length > 0,
		needsTwoFactor: needsTwoFactor(actor),
		unreadNotifications
	};
}

export interface PersonalPart {
	/** Whether this address may be served shared (an evaluator's "assigned to me" list, for one, may not). */
	shareable(url: URL): boolean;
	/** The personal parts of the page at `url` with these route params, for this person. */
	read(actor: Actor, params: Record<string, string>, url: URL): Promise<Record<string, unknown>>;
}

/** By SvelteKit route id. Each page's component reads the same fields from its data or from `personal.page`. */
export const personalParts: Record<string, PersonalPart> = {
	'/processes/[slug]': {
		shareable: () => true,
		async read(actor, params) {
			// Only what is personal: the process itself is shared data, read once per PAGE_CACHE_SECONDS.
			const process = await getVisibleProcess(await getDb(), actor, params.slug);
			const following = await isFollowing(actor, { resourceType: 'space', resourceId: process.space.id });
			return { following, signedIn: isUser(actor) };
		}
	},
	'/processes/[slug]/proposals/[moduleId]': {
		shareable: (url) => !url.searchParams.has('assigned'),
		async read(actor, params, url) {
			const view = await viewProposals(actor, {
				spaceSlug: params.slug,
				moduleId: params.moduleId,
				query: readListQuery(url.searchParams)
			});
			return {
				canCreate: view.canCreate,
				isEvaluator: view.isEvaluator,
				supported: view.proposals.filter((p) => p.supportedByMe).map((p) => p.id)
			};
		}
	}
};
