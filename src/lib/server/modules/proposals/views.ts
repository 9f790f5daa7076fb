/** What the public and admin pages of the module show, each read authorised like a command. */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoodChoices } from '../../platform/geo/place.ts';
import { sharedData } from '../../platform/http/shared-data.ts';
import { linksOf } from '../../platform/links/index.ts';
import { resourceChain } from '../../platform/links/chain.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { textColourFor } from './colours.ts';
import { canProposals, proposalOrThrow, proposalsModule } from './context.ts';
import { canEvaluateProposal } from './evaluation.ts';
import type { ListQuery } from './forms.ts';
import { markdownToText, renderCitizenMarkdown } from '../../platform/text/markdown.ts';
import { managesProposals } from './permissions.ts';
import {
	categoriesOf,
	eventsOf,
	evaluatorsOf,
	filesOf,
	listProposals,
	notesOf,
	proposalPins,
	statesOf,
	supportedAmong,
	supportsGivenIn,
	type CustomState
} from './queries.ts';
import { editableUntil, editDecision, isQualified, withdrawDecision } from './rules.ts';
import { searchDocuments, user } from '../../platform/db/schema.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import type { ResourceLink } from '../../platform/links/index.ts';

/** Titles and paths of linked resources, from the public search index (every module indexes its resources). */
async function linkTargets(db: Db, links: ResourceLink[]) {
	if (!links.length) return [];
	const docs = await db
		.select({
			type: searchDocuments.resourceType,
			id: searchDocuments.resourceId,
			title: searchDocuments.title,
			url: searchDocuments.url
		})
		.from(searchDocuments)
		.where(
			and(
				inArray(
					searchDocuments.resourceId,
					links.map((l) => l.other.resourceId)
				),
				eq(searchDocuments.locale, 'ro'),
				eq(searchDocuments.visibility, 'public')
			)
		);
	return links.flatMap((l) => {
		const doc = docs.find((d) => d.type === l.other.resourceType && d.id === l.other.resourceId);
		return doc
			? [{ kind: l.kind, direction: l.direction, type: doc.type, title: doc.title, url: doc.url, at: l.createdAt }]
			: [];
	});
}

/** A state as a page shows it: built-in ones by message key, custom ones by name with contrasting colours. */
export function stateView(state: string, customStateId: string | null, customStates: CustomState[]) {
	const custom = state === 'custom' ? customStates.find((s) => s.id === customStateId) : undefined;
	return custom
		? { key: null, name: custom.name, background: custom.colour, colour: textColourFor(custom.colour) }
		: { key: `proposals_state_${state}`, name: null, background: null, colour: null };
}

async function publicModule(actor: Actor, spaceSlug: string, moduleId: string) {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(canProposals(actor, 'read', ctx));
	return { db, ctx, instance };
}

/** What this person may do on a module's list. */
const permissionsIn = (actor: Actor, ctx: Awaited<ReturnType<typeof publicModule>>['ctx']) => ({
	canCreate: canProposals(actor, 'create', ctx),
	isEvaluator: canProposals(actor, 'evaluate', ctx).allowed
});

/** What this person may do on a module's list, alone (a list served shared: personal-parts.ts). */
export async function listPermissions(actor: Actor, spaceSlug: string, moduleId: string) {
	return permissionsIn(actor, (await publicModule(actor, spaceSlug, moduleId)).ctx);
}

/** The public list: filters, sort (random with a seed kept in the URL), one page, or every pin for the map. */
export async function viewProposals(
	actor: Actor,
	{ spaceSlug, moduleId, query }: { spaceSlug: string; moduleId: string; query: ListQuery }
) {
	const { db, ctx, instance } = await publicModule(actor, spaceSlug, moduleId);
	const perPage = ctx.settings.perPage;
	const may = permissionsIn(actor, ctx);
	const staffOrEvaluator = may.isEvaluator;
	const filters = {
		q: query.q,
		neighbourhood: query.neighbourhood,
		category: query.category,
		state: query.state,
		sort: query.sort,
		seed: query.seed,
		assignedTo: query.assigned && isUser(actor) && staffOrEvaluator ? actor.id : undefined
	};
	// Everything but "what I support" is the same for every visitor: read once per PAGE_CACHE_SECONDS (shared-data.ts);
	// an evaluator's own assignments are personal, so that filter is always read fresh.
	const shared = <T>(what: string, load: () => Promise<T>) =>
		filters.assignedTo ? load() : sharedData(`proposals:${moduleId}:${what}`, load);
	const filterKey = JSON.stringify([
		filters.q,
		filters.neighbourhood,
		filters.category,
		filters.state,
		filters.sort,
		filters.seed
	]);
	const [categories, states, neighbourhoods, page, pins] = await Promise.all([
		shared('categories', () => categoriesOf(db, moduleId)),
		shared('states', () => statesOf(db, moduleId)),
		sharedData('neighbourhood-choices', () => neighbourhoodChoices(db)),
		shared(`page:${filterKey}:${query.page}:${perPage}`, () =>
			listProposals(db, moduleId, filters, { page: query.page, perPage })
		),
		query.view === 'map' ? shared(`pins:${filterKey}`, () => proposalPins(db, moduleId, filters)) : Promise.resolve([])
	]);
	const supported = isUser(actor)
		? await supportedAmong(
				db,
				actor.id,
				page.rows.map((r) => r.id)
			)
		: new Set<string>();
	const catName = new Map(categories.map((c) => [c.id, c.name]));
	const hoodName = new Map(neighbourhoods.map((n) => [n.id, n.name]));
	const { supports, threshold } = ctx.phaseSettings;
	// Only what the list shows: this is serialised into every list page for hydration (bench/participation).
	return {
		module: { id: instance.id, title: instance.title },
		phase: { supports, threshold, creationEnabled: ctx.phaseSettings.creationEnabled },
		...may,
		// The filters need only ids and names (everything here is serialised into the page).
		categories: categories.map(({ id, name }) => ({ id, name })),
		states: states.map(({ id, name }) => ({ id, name })),
		neighbourhoods: neighbourhoods.map(({ id, name }) => ({ id, name })),
		query,
		total: page.total,
		pages: Math.max(1, Math.ceil(page.total / perPage)),
		proposals: page.rows.map((r) => ({
			id: r.id,
			title: r.title,
			withdrawnAt: r.withdrawnAt,
			supportsCount: r.supportsCount,
			createdAt: r.createdAt,
			category: (r.categoryId && catName.get(r.categoryId)) || null,
			neighbourhood: (r.neighbourhoodId && hoodName.get(r.neighbourhoodId)) || null,
			stateView: stateView(r.state, r.customStateId, states),
			supportedByMe: supported.has(r.id),
			qualified: isQualified(r.supportsCount, threshold)
		})),
		pins
	};
}

/** One proposal with its place, photos, supports, answer, history, links and (for evaluators) private notes. */
export async function viewProposal(
	actor: Actor,
	{ spaceSlug, moduleId, proposalId }: { spaceSlug: string; moduleId: string; proposalId: string }
) {
	const { db, ctx, instance } = await publicModule(actor, spaceSlug, moduleId);
	const p = await proposalOrThrow(db, moduleId, proposalId);
	const [author, categories, states, neighbourhoods, fileRows, events, links, following, evaluation] =
		await Promise.all([
			p.authorId
				? db.select({ name: user.name, deletedAt: user.deletedAt }).from(user).where(eq(user.id, p.authorId))
				: Promise.resolve([]),
			categoriesOf(db, moduleId),
			statesOf(db, moduleId),
			neighbourhoodChoices(db),
			filesOf(db, proposalId),
			eventsOf(db, proposalId),
			linksOf(db, { resourceType: 'proposal', resourceId: proposalId }),
			isFollowing(actor, { resourceType: 'proposal', resourceId: proposalId }),
			canEvaluateProposal(db, actor, ctx, proposalId)
		]);
	const { supports, threshold, supportLimit } = ctx.phaseSettings;
	const supportDecision = canProposals(actor, 'support', ctx);
	const mine = isUser(actor)
		? {
				supported: (await supportedAmong(db, actor.id, [proposalId])).has(proposalId),
				given: supportLimit > 0 ? await supportsGivenIn(db, moduleId, actor.id) : 0
			}
		: { supported: false, given: 0 };
	const staff = managesProposals(actor, ctx.space.id);
	const a = author[0];
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		proposal: {
			id: p.id,
			title: p.title,
			html: renderCitizenMarkdown(p.body),
			excerpt: markdownToText(p.body).slice(0, 200),
			authorName: a && !a.deletedAt ? a.name : null,
			isAuthor: isUser(actor) && p.authorId === actor.id,
			category: categories.find((c) => c.id === p.categoryId)?.name ?? null,
			place: {
				address: p.address,
				neighbourhood: neighbourhoods.find((n) => n.id === p.neighbourhoodId)?.name ?? null,
				lat: p.latitude,
				lng: p.longitude
			},
			photos: fileRows.filter((f) => f.kind === 'photo'),
			attachments: fileRows.filter((f) => f.kind === 'attachment'),
			state: p.state,
			stateView: stateView(p.state, p.customStateId, states),
			answer: p.answer,
			answeredAt: p.answeredAt,
			costEstimate: p.costEstimate,
			supportsCount: p.supportsCount,
			withdrawnAt: p.withdrawnAt,
			createdAt: p.createdAt,
			editedAt: p.editedAt
		},
		supports: {
			mode: supports,
			threshold,
			limit: supportLimit,
			given: mine.given,
			qualified: isQualified(p.supportsCount, threshold),
			supportedByMe: mine.supported,
			canSupport: p.withdrawnAt ? { allowed: false as const, reason: 'proposals_withdrawn' } : supportDecision
		},
		editableUntil: editDecision(actor, p, ctx.settings).allowed ? editableUntil(p, ctx.settings) : null,
		canWithdraw: withdrawDecision(actor, p).allowed,
		canAnswer: canProposals(actor, 'answer', ctx).allowed,
		following,
		history: events.map((e) => ({
			...e,
			stateView:
				e.kind === 'answered' ? stateView(String(e.data.state), (e.data.customStateId as string) ?? null, states) : null
		})),
		links: await linkTargets(db, links),
		// The chain this proposal is part of (e.g. it became a budget idea, then a funded project): empty when alone.
		chain: await resourceChain(db, { resourceType: 'proposal', resourceId: proposalId }),
		evaluation: evaluation.allowed
			? {
					notes: await notesOf(db, proposalId),
					evaluators: staff ? (await evaluatorsOf(db, proposalId)).map((e) => ({ id: e.id, name: e.name })) : []
				}
			: null
	};
}

/** The form to write a new proposal: categories, neighbourhoods, limits. */
export async function viewProposalForm(
	actor: Actor,
	{ spaceSlug, moduleId, proposalId }: { spaceSlug: string; moduleId: string; proposalId?: string }
) {
	const { db, ctx, instance } = await publicModule(actor, spaceSlug, moduleId);
	let proposal = null;
	if (proposalId) {
		const p = await proposalOrThrow(db, moduleId, proposalId);
		authorize(editDecision(actor, p, ctx.settings));
		proposal = { ...p, files: await filesOf(db, proposalId), editableUntil: editableUntil(p, ctx.settings) };
	} else authorize(canProposals(actor, 'create', ctx));
	const [categories, neighbourhoods] = await Promise.all([categoriesOf(db, moduleId), neighbourhoodChoices(db)]);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		settings: ctx.settings,
		categories,
		neighbourhoods,
		proposal
	};
}
