/**
 * Pages that signed-in visitors with JavaScript get from the shared page cache, and how to read their personal parts
 * (ADR 0007): the HTML is the one rendered for every signed-in visitor alike; the header's person and this route's
 * parts travel with it as JSON (shared-pages.ts). A route plans its parts from shared data before the session is
 * read, so that the one personal value it needs is read in the session's own statement. Outside platform/, since
 * the parts come from modules.
 */
import { sql } from 'drizzle-orm';
import type { HeaderPerson } from '#lib/ui/personal.svelte.ts';
import { anonymous, isUser, needsTwoFactor, type Actor } from './platform/actors/actor.ts';
import type { SessionRead } from './platform/actors/load-actor.ts';
import { getDb } from './platform/db/index.ts';
import { follows } from './platform/db/schema.ts';
import { getVisibleProcess } from './platform/spaces/queries.ts';
import { listPermissions, readListQuery, supportedAmongRead, viewProposals } from './modules/proposals/index.ts';

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

export interface SharedPlan {
	/** The personal value read in the session's statement. */
	extra: { read: SessionRead; values: Record<string, unknown> };
	/** The page's personal parts, from the person and that value. */
	parts(actor: Actor, read: unknown): Promise<Record<string, unknown>>;
}

export interface PersonalPart {
	/** Whether this address may be served shared (an evaluator's "assigned to me" list, for one, may not). */
	shareable(url: URL): boolean;
	/** From shared data only, before the session is read; throws when the page is not the same for everyone. */
	plan(params: Record<string, string>, url: URL): Promise<SharedPlan>;
}

/** Whether the session's user follows a space. */
const followsSpaceRead: SessionRead = {
	name: 'follows_space',
	column: (userId) =>
		sql`exists (select 1 from ${follows} where ${follows.userId} = ${userId} and ${follows.resourceType} = 'space' and ${follows.resourceId} = ${sql.placeholder('spaceId')})`
};

/** By SvelteKit route id. Each page's component reads the same fields from its data or from `personal.page`. */
export const personalParts: Record<string, PersonalPart> = {
	'/processes/[slug]': {
		shareable: () => true,
		async plan(params) {
			// As anyone sees it: a draft process (its staff's preview) throws here and is rendered for the person.
			const process = await getVisibleProcess(await getDb(), anonymous(), params.slug);
			return {
				extra: { read: followsSpaceRead, values: { spaceId: process.space.id } },
				parts: async (actor, read) => ({ following: read === true, signedIn: isUser(actor) })
			};
		}
	},
	'/processes/[slug]/proposals/[moduleId]': {
		shareable: (url) => !url.searchParams.has('assigned'),
		async plan(params, url) {
			const where = { spaceSlug: params.slug, moduleId: params.moduleId, query: readListQuery(url.searchParams) };
			const page = await viewProposals(anonymous(), where);
			return {
				extra: { read: supportedAmongRead, values: { proposalIds: page.proposals.map((p) => p.id) } },
				async parts(actor, read) {
					const may = await listPermissions(actor, params.slug, params.moduleId);
					return { ...may, supported: Array.isArray(read) ? (read as string[]) : [] };
				}
			};
		}
	}
};
