/** What the admin pages of the module show: the proposals to answer or evaluate, categories and custom states. */
import { and, eq, inArray, or } from 'drizzle-orm';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { spaceRoles, user, userRoles } from '../../platform/db/schema.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from './context.ts';
import { canEvaluateProposal } from './evaluation.ts';
import type { ListQuery } from './forms.ts';
import { renderCitizenMarkdown } from '../../platform/text/markdown.ts';
import { managesProposals } from './permissions.ts';
import { categoriesOf, evaluatorsOf, listProposals, notesOf, statesOf } from './queries.ts';
import { textColourFor } from './colours.ts';
import { stateView } from './views.ts';

async function adminModule(actor: Actor, spaceId: string, moduleId: string, action: 'evaluate' | 'manage') {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(canProposals(actor, action, ctx));
	return { db, ctx, instance, staff: managesProposals(actor, ctx.space.id) };
}

/** Staff see every proposal; an evaluator only those assigned to them. */
export async function manageProposals(
	actor: Actor,
	{ spaceId, moduleId, query }: { spaceId: string; moduleId: string; query: ListQuery }
) {
	const { db, ctx, instance, staff } = await adminModule(actor, spaceId, moduleId, 'evaluate');
	const filters = {
		q: query.q,
		state: query.state,
		category: query.category,
		sort: query.sort,
		assignedTo: staff && !query.assigned ? undefined : isUser(actor) ? actor.id : undefined
	};
	const [states, categories, page] = await Promise.all([
		statesOf(db, moduleId),
		categoriesOf(db, moduleId),
		listProposals(db, moduleId, filters, { page: query.page, perPage: 50 })
	]);
	return {
		module: instance,
		space: ctx.space,
		staff,
		query,
		states,
		categories,
		total: page.total,
		pages: Math.max(1, Math.ceil(page.total / 50)),
		proposals: page.rows.map((r) => ({ ...r, stateView: stateView(r.state, r.customStateId, states) }))
	};
}

/** People who may be assigned: platform evaluators and administrators, and the space's evaluators. */
async function evaluatorCandidates(db: Awaited<ReturnType<typeof getDb>>, spaceId: string) {
	const [platform, space] = await Promise.all([
		db
			.select({ id: user.id, name: user.name, email: user.email })
			.from(userRoles)
			.innerJoin(user, eq(user.id, userRoles.userId))
			.where(inArray(userRoles.role, ['evaluator', 'admin'])),
		db
			.select({ id: user.id, name: user.name, email: user.email })
			.from(spaceRoles)
			.innerJoin(user, eq(user.id, spaceRoles.userId))
			.where(and(eq(spaceRoles.spaceId, spaceId), or(eq(spaceRoles.role, 'evaluator'))))
	]);
	const byId = new Map([...platform, ...space].map((p) => [p.id, p]));
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'ro'));
}

/** One proposal for answering (staff) or evaluating (assigned evaluators): notes, evaluators, states. */
export async function manageProposal(
	actor: Actor,
	{ spaceId, moduleId, proposalId }: { spaceId: string; moduleId: string; proposalId: string }
) {
	const { db, ctx, instance, staff } = await adminModule(actor, spaceId, moduleId, 'evaluate');
	const p = await proposalOrThrow(db, moduleId, proposalId);
	authorize(await canEvaluateProposal(db, actor, ctx, proposalId));
	const [states, notes, evaluators, candidates] = await Promise.all([
		statesOf(db, moduleId),
		notesOf(db, proposalId),
		evaluatorsOf(db, proposalId),
		staff ? evaluatorCandidates(db, ctx.space.id) : Promise.resolve([])
	]);
	const assigned = new Set(evaluators.map((e) => e.id));
	return {
		module: instance,
		space: ctx.space,
		staff,
		proposal: { ...p, html: renderCitizenMarkdown(p.body), stateView: stateView(p.state, p.customStateId, states) },
		states: states.map((s) => ({ ...s, textColour: textColourFor(s.colour) })),
		notes,
		evaluators,
		candidates: candidates.filter((c) => !assigned.has(c.id))
	};
}

/** Categories and custom states of a module, for staff. */
export async function manageProposalSettings(
	actor: Actor,
	{ spaceId, moduleId }: { spaceId: string; moduleId: string }
) {
	const { db, ctx, instance } = await adminModule(actor, spaceId, moduleId, 'manage');
	const [categories, states] = await Promise.all([categoriesOf(db, moduleId), statesOf(db, moduleId)]);
	return {
		module: instance,
		space: ctx.space,
		categories,
		states: states.map((s) => ({ ...s, textColour: textColourFor(s.colour) }))
	};
}
