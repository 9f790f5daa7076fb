/** Search documents of an edition's projects: one per project, in the language it was written (indexed as Romanian). */
import type { Db } from '../../platform/db/index.ts';
import { indexDocument } from '../../platform/search/index-documents.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { PROJECT_RESOURCE, projectsWithSpace, projectUrl, type Project } from './queries.ts';

export async function projectDocuments(db: Db, moduleIds: string[]) {
	const rows = await projectsWithSpace(db, moduleIds);
	return rows.map(({ project, spaceId, spaceSlug, public: isPublic }) => ({
		resourceId: project.id,
		locale: 'ro',
		title: `${project.code} ${project.title}`,
		body: markdownToText(project.body),
		url: projectUrl(spaceSlug, project.moduleId, project.id),
		visibility: (isPublic && !project.withdrawnAt ? 'public' : 'staff') as 'public' | 'staff',
		spaceId
	}));
}

/** Re-indexes one project after a change. */
export async function indexProject(db: Db, project: Pick<Project, 'id' | 'moduleId'>): Promise<void> {
	const [doc] = (await projectDocuments(db, [project.moduleId])).filter((d) => d.resourceId === project.id);
	if (!doc) return;
	await indexDocument(db, {
		resourceType: PROJECT_RESOURCE,
		resourceId: doc.resourceId,
		spaceId: doc.spaceId,
		title: doc.title,
		body: doc.body,
		url: doc.url,
		visibility: doc.visibility
	});
}
