/**
 * What the platform asks of funded projects, registered at import time (the manifest imports this file): the
 * chain steps of a budgets project (idea → funded → built) and of the types before it, and which files timeline entries use (their photos are public exactly when the edition is).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { FileUse } from '../../platform/files/access.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { registerChainStep, type ChainStep } from '../../platform/links/chain.ts';
import { PROJECT_RESOURCE } from './implementation.ts';
import { implementationUrl, projectUrl, resultDates } from './implementation-queries.ts';
import { budgetsProgress, budgetsProjects } from './schema.ts';

export async function progressFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const rows = await db
		.select({ spaceId: spaces.id, status: spaces.status, published: moduleInstances.published })
		.from(budgetsProgress)
		.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsProgress.projectId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsProjects.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(sql`${budgetsProgress.photoFileIds} @> ${JSON.stringify([fileId])}::jsonb`);
	return rows.map((r) => ({ spaceId: r.spaceId, public: r.status === 'published' && r.published }));
}

const ideaState = (p: typeof budgetsProjects.$inferSelect) =>
	p.withdrawnAt
		? 'budgets_impl_chain_state_withdrawn'
		: p.eligibility === 'ineligible' || p.evaluation === 'unfeasible'
			? 'budgets_impl_chain_state_not_admitted'
			: p.eligibility === 'eligible' && p.evaluation === 'feasible'
				? 'budgets_impl_chain_state_on_ballot'
				: 'budgets_impl_chain_state_in_review';

/** A budgets project as chain steps: the idea, then (if funded) the funded project, then (if completed) built. */
export async function chainProjects(db: Db, ids: string[]): Promise<Map<string, Omit<ChainStep, 'current'>[]>> {
	const rows = await db
		.select({ project: budgetsProjects, spaceSlug: spaces.slug })
		.from(budgetsProjects)
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsProjects.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(and(inArray(budgetsProjects.id, ids), eq(spaces.status, 'published'), eq(moduleInstances.published, true)));
	const funded = rows.filter((r) => r.project.funded === true);
	const [fundedAt, completions] = await Promise.all([
		resultDates(
			db,
			funded.map((r) => r.project.zoneId)
		),
		funded.length
			? db
					.select({ projectId: budgetsProgress.projectId, at: budgetsProgress.createdAt })
					.from(budgetsProgress)
					.where(
						and(
							inArray(
								budgetsProgress.projectId,
								funded.map((r) => r.project.id)
							),
							eq(budgetsProgress.status, 'completed')
						)
					)
					.orderBy(asc(budgetsProgress.createdAt))
			: Promise.resolve([])
	]);
	const out = new Map<string, Omit<ChainStep, 'current'>[]>();
	for (const { project: p, spaceSlug } of rows) {
		const base = { resourceType: PROJECT_RESOURCE, resourceId: p.id, title: p.title };
		const steps: Omit<ChainStep, 'current'>[] = [
			{
				...base,
				labelKey: 'budgets_impl_chain_idea',
				stateKey: ideaState(p),
				url: projectUrl(spaceSlug, p.moduleId, p.id),
				at: p.createdAt
			}
		];
		if (p.funded === true) {
			const url = implementationUrl(spaceSlug, p.moduleId, p.id);
			const status = p.implementationStatus ?? 'not_started';
			steps.push({
				...base,
				labelKey: 'budgets_impl_chain_funded',
				stateKey: `budgets_impl_status_${status}`,
				url,
				at: fundedAt.get(p.zoneId) ?? null
			});
			if (status === 'completed')
				steps.push({
					...base,
					labelKey: 'budgets_impl_chain_built',
					stateKey: null,
					url,
					at: completions.find((c) => c.projectId === p.id)?.at ?? p.updatedAt
				});
		}
		out.set(p.id, steps);
	}
	return out;
}

registerChainStep(PROJECT_RESOURCE, { order: 30, labelKey: 'budgets_impl_chain_idea', describe: chainProjects });
// Types before a budget idea: shown from the public search index unless their module registers a describer.
registerChainStep('report', { order: 10, labelKey: 'budgets_impl_chain_report' });
registerChainStep('proposal', { order: 20, labelKey: 'budgets_impl_chain_proposal' });
if (!fileUseResolvers.includes(progressFileUses)) fileUseResolvers.push(progressFileUses);
