/**
 * What the admin pages of an edition show: pots (with those short of eligible projects), categories, the queue of
 * ideas to decide, the evaluation list per department, the appeals queue, and one project with its decision forms.
 */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { authorize, deny, type Decision } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { renderCitizenMarkdown } from '../../platform/text/markdown.ts';
import { evaluatesProject } from './commands/evaluate-project.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { inCommission, managesBudgets, type BudgetsAction } from './permissions.ts';
import {
	appealsOf,
	categoriesOf,
	decisionsOf,
	departmentChoices,
	eligibleCounts,
	listProjects,
	pendingAppeals,
	potsOf,
	projectOrThrow,
	projectState,
	zoneChoices
} from './queries.ts';
import { costOf } from './rules.ts';

async function adminEdition(
	actor: Actor,
	spaceId: string,
	moduleId: string,
	decide: (ctx: Awaited<ReturnType<typeof budgetsModule>>['ctx']) => Decision
) {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(decide(ctx));
	return { db, ctx, instance };
}
const may = (actor: Actor, action: BudgetsAction) => (ctx: Parameters<typeof canBudgets>[2]) =>
	canBudgets(actor, action, ctx);

/** The edition's pots (with a warning for pots short of eligible projects), categories and the queues' sizes. */
export async function manageEdition(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, may(actor, 'manage'));
	const [pots, categories, zones, eligible, appeals, ideas] = await Promise.all([
		potsOf(db, moduleId),
		categoriesOf(db, moduleId),
		zoneChoices(db),
		eligibleCounts(db, moduleId),
		pendingAppeals(db, moduleId),
		listProjects(db, moduleId, {})
	]);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		stage: ctx.phaseSettings.stage,
		zones,
		categories,
		pots: pots.map((p) => ({
			...p,
			zoneName: zones.find((z) => z.id === p.zoneId)?.name ?? null,
			eligible: eligible.get(p.id) ?? 0,
			short: (eligible.get(p.id) ?? 0) < p.minEligibleProjects
		})),
		counts: {
			ideas: ideas.length,
			pending: ideas.filter((i) => i.eligibility === 'pending').length,
			appeals: appeals.length
		}
	};
}

/** One pot for its edit form. */
export async function managePot(
	actor: Actor,
	{ spaceId, moduleId, potId }: { spaceId: string; moduleId: string; potId: string }
) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, may(actor, 'manage'));
	// `new` is the form for a new pot.
	const pot = potId === 'new' ? null : (await potsOf(db, moduleId)).find((p) => p.id === potId);
	if (pot === undefined) throw new NotFoundError('pot');
	return { module: { id: instance.id, title: instance.title }, space: ctx.space, pot, zones: await zoneChoices(db) };
}

/** The commission's queue: every idea with its eligibility, pending ones first; pots short of eligible projects. */
export async function manageIdeas(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, (c) =>
		inCommission(actor, c.space.id) ? canBudgets(actor, 'read', c) : deny('budgets_commission_only')
	);
	const [pots, rows, eligible] = await Promise.all([
		potsOf(db, moduleId),
		listProjects(db, moduleId, {}),
		eligibleCounts(db, moduleId)
	]);
	const potOf = new Map(pots.map((p) => [p.id, p]));
	const projects = rows.map((r) => ({
		id: r.id,
		code: r.code,
		title: r.title,
		pot: potOf.get(r.zoneId)?.code ?? '',
		cost: costOf(r),
		eligibility: r.eligibility,
		evaluation: r.evaluation,
		state: projectState(r)
	}));
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		canDecide: canBudgets(actor, 'decide_eligibility', ctx),
		pending: projects.filter((p) => p.eligibility === 'pending'),
		decided: projects.filter((p) => p.eligibility !== 'pending'),
		shortPots: pots
			.filter((p) => (eligible.get(p.id) ?? 0) < p.minEligibleProjects)
			.map((p) => ({ code: p.code, name: p.name, eligible: eligible.get(p.id) ?? 0, min: p.minEligibleProjects }))
	};
}

/** The evaluation list: staff see every eligible project; department members those of their departments. */
export async function manageEvaluations(
	actor: Actor,
	{ spaceId, moduleId, department }: { spaceId: string; moduleId: string; department?: string }
) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, may(actor, 'evaluate'));
	const staff = managesBudgets(actor, ctx.space.id);
	const mine = isUser(actor) ? actor.departmentIds : [];
	const departmentIds = department ? [department] : staff ? undefined : mine;
	const [departments, rows] = await Promise.all([departmentChoices(db), listProjects(db, moduleId, { departmentIds })]);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		staff,
		department: department ?? '',
		departments: staff ? departments : departments.filter((d) => mine.includes(d.id)),
		projects: rows
			.filter((r) => r.eligibility !== 'ineligible')
			.map((r) => ({
				id: r.id,
				code: r.code,
				title: r.title,
				department: departments.find((d) => d.id === r.departmentId)?.name ?? null,
				estimatedCost: r.estimatedCost,
				cityCost: r.cityCost,
				evaluation: r.evaluation
			}))
	};
}

/** Pending appeals, oldest first, with the decision each is against. */
export async function manageAppeals(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, may(actor, 'decide_appeal'));
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		appeals: (await pendingAppeals(db, moduleId)).map((a) => ({
			id: a.appeal.id,
			projectId: a.appeal.projectId,
			code: a.code,
			title: a.title,
			text: a.appeal.text,
			at: a.appeal.createdAt,
			decisionKind: a.decisionKind,
			decisionOutcome: a.decisionOutcome,
			decisionReason: a.decisionReason
		}))
	};
}

/** One project with the forms its viewer may use: eligibility, department, evaluation, appeal decisions. */
export async function manageProject(
	actor: Actor,
	{ spaceId, moduleId, projectId }: { spaceId: string; moduleId: string; projectId: string }
) {
	const { db, ctx, instance } = await adminEdition(actor, spaceId, moduleId, (c) =>
		inCommission(actor, c.space.id) || canBudgets(actor, 'evaluate', c).allowed
			? canBudgets(actor, 'read', c)
			: deny('budgets_commission_only')
	);
	const p = await projectOrThrow(db, moduleId, projectId);
	const [pots, departments, decisions, appeals] = await Promise.all([
		potsOf(db, moduleId),
		departmentChoices(db),
		decisionsOf(db, projectId),
		appealsOf(db, projectId)
	]);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		project: {
			...p,
			html: renderCitizenMarkdown(p.body),
			pot: pots.find((x) => x.id === p.zoneId) ?? null,
			state: projectState(p)
		},
		departments,
		decisions,
		appeals,
		can: {
			decideEligibility: canBudgets(actor, 'decide_eligibility', ctx).allowed && !p.withdrawnAt,
			assign: canBudgets(actor, 'manage', ctx).allowed,
			evaluate:
				canBudgets(actor, 'evaluate', ctx).allowed &&
				evaluatesProject(actor, ctx.space.id, p.departmentId) &&
				!p.withdrawnAt,
			decideAppeal: canBudgets(actor, 'decide_appeal', ctx).allowed
		}
	};
}
