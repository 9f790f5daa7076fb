/**
 * Staff set a funded project's implementation state: responsible department, status, progress %, money spent.
 * Cancelling needs a reason, which is written to the public timeline (and followers are told) in the same step.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { ImplementationInput, PROJECT_RESOURCE } from '../implementation.ts';
import { findProject } from '../implementation-queries.ts';
import { notifyProgress } from '../implementation-notify.ts';
import { budgetsProgress, budgetsProjects } from '../schema.ts';

export async function updateImplementation(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: ImplementationInput
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'track', ctx));
	const project = await findProject(db, moduleId, projectId);
	if (!project) throw new NotFoundError('project');
	if (project.funded !== true) return invalid({ status: 'budgets_impl_error_not_funded' });
	const form = ImplementationInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { status, progress, spent, departmentId, reason } = form.data;
	if (departmentId) {
		const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
		if (!d) return invalid({ departmentId: 'budgets_impl_error_department' });
	}
	const cancelling = status === 'cancelled' && project.implementationStatus !== 'cancelled';
	const authorId = actor.kind === 'user' ? actor.id : null;
	await db.transaction(async (tx) => {
		await tx
			.update(budgetsProjects)
			.set({ implementationStatus: status, progress: progress!, spent, departmentId, updatedAt: new Date() })
			.where(eq(budgetsProjects.id, projectId));
		if (cancelling)
			await tx
				.insert(budgetsProgress)
				.values({ projectId, status, progress: progress!, spent, text: { ro: reason }, authorId });
		await recordAction(tx, actor, {
			action: 'budgets.implementation.update',
			resourceType: PROJECT_RESOURCE,
			resourceId: projectId,
			spaceId: instance.spaceId,
			data: { moduleId, status, progress, spent, departmentId, reason: reason || null }
		});
	});
	if (cancelling) await notifyProgress(db, actor, ctx.space.slug, project, status);
	return ok(null);
}
