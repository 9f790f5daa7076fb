/** The author withdraws an idea while the `ideas` stage lasts; it stays visible as withdrawn. */
import { and, eq, isNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ForbiddenError } from '../../../platform/result.ts';
import { budgetsModule } from '../context.ts';
import { budgetsPermissions } from '../permissions.ts';
import { projectOrThrow } from '../queries.ts';
import { budgetsProjects } from '../schema.ts';
import { indexProject } from '../search.ts';

export async function withdrawIdea(actor: Actor, { moduleId, projectId }: { moduleId: string; projectId: string }) {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(budgetsPermissions(actor, 'submit', ctx));
	if (!isUser(actor)) throw new Error('unreachable');
	const project = await projectOrThrow(db, moduleId, projectId);
	if (project.authorId !== actor.id) throw new ForbiddenError('budgets_author_only');
	await db
		.update(budgetsProjects)
		.set({ withdrawnAt: new Date() })
		.where(and(eq(budgetsProjects.id, projectId), isNull(budgetsProjects.withdrawnAt)));
	await indexProject(db, project);
}
