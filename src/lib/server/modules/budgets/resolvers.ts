/**
 * What the platform asks of budget projects, registered at import time of the manifest: whether one can be followed,
 * where it is for comments (and whether this phase allows them), and which files it uses (public photos).
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import type { CommentTarget } from '../../platform/comments/commentables.ts';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { FileUse } from '../../platform/files/access.ts';
import { deny } from '../../platform/permissions/index.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { projectUrl, projectWithSpace } from './queries.ts';
import { budgetsProjectFiles, budgetsProjects } from './schema.ts';

/** A project may be followed when it exists in a public edition of a published space. */
export async function followableProject(db: Db, projectId: string): Promise<boolean> {
	const row = await projectWithSpace(db, projectId);
	return !!row && row.spaceStatus === 'published' && row.modulePublished;
}

export async function commentableProject(db: Db, actor: Actor, projectId: string): Promise<CommentTarget | null> {
	const row = await projectWithSpace(db, projectId);
	if (!row) return null;
	const { ctx } = await budgetsModule(db, row.project.moduleId);
	const read = canBudgets(actor, 'read', ctx);
	const hidden = ctx.phaseSettings.comments === 'hidden';
	const comment = canBudgets(actor, 'comment', ctx);
	return {
		spaceId: row.spaceId,
		moduleId: row.project.moduleId,
		title: { ro: `${row.project.code} ${row.project.title}` },
		url: projectUrl(row.spaceSlug, row.project.moduleId, projectId),
		authorIds: row.project.authorId ? [row.project.authorId] : [],
		canRead: !read.allowed ? read : hidden ? deny('budgets_comments_hidden') : read,
		canComment: !comment.allowed ? comment : row.project.withdrawnAt ? deny('budgets_project_withdrawn') : comment
	};
}

/** Photos of projects are public exactly when their edition is. */
export async function projectFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const rows = await db
		.select({ spaceId: spaces.id, status: spaces.status, published: moduleInstances.published })
		.from(budgetsProjectFiles)
		.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsProjectFiles.projectId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsProjects.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(budgetsProjectFiles.fileId, fileId));
	return rows.map((r) => ({ spaceId: r.spaceId, public: r.status === 'published' && r.published }));
}
