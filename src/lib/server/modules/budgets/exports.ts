/** Open-data exports of the ideas part of an edition: its projects, and every public decision with its reason. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { OpenDataExport } from '../../platform/modules/define-module.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { projectsWithSpace, projectUrl } from './queries.ts';
import { budgetsDecisions, budgetsProjects } from './schema.ts';

export const projectsExport: OpenDataExport = {
	name: 'budgets_projects',
	description:
		'Projects of participatory-budgeting editions, from idea to ballot, result and implementation; no personal data.',
	columns: [
		{ name: 'code', description: 'Public code of the project in its edition (the id in ballot files), e.g. Z3-07.' },
		{ name: 'process', description: 'URL slug of the process (the edition) the project belongs to.' },
		{ name: 'pot', description: 'Code of the pot (zone or city-wide) the project competes in.' },
		{ name: 'title', description: 'Title, as written by its author.' },
		{ name: 'text', description: 'Description as plain text.' },
		{ name: 'category', description: 'Category name in Romanian, or empty.' },
		{ name: 'neighbourhood', description: 'Slug of the neighbourhood, or empty.' },
		{ name: 'latitude', description: 'Latitude of the place (WGS 84), or empty.' },
		{ name: 'longitude', description: 'Longitude of the place (WGS 84), or empty.' },
		{ name: 'estimated_cost_lei', description: 'The author’s cost estimate, in lei.' },
		{ name: 'city_cost_lei', description: 'The city’s cost estimate after evaluation, in lei, or empty.' },
		{ name: 'eligibility', description: 'pending, eligible or ineligible (the commission’s decision).' },
		{ name: 'evaluation', description: 'pending, feasible or unfeasible (the department’s evaluation).' },
		{ name: 'withdrawn', description: 'Whether the author withdrew the idea.' },
		{ name: 'funded', description: 'true funded, false not funded, empty before results.' },
		{ name: 'votes', description: 'Votes (or points) counted at close, or empty before results.' },
		{ name: 'implementation_status', description: 'Implementation status of a funded project, or empty.' },
		{ name: 'url', description: 'Path of the project page on the site.' }
	],
	async rows(db, moduleIds) {
		const rows = (await projectsWithSpace(db, moduleIds)).filter((r) => r.public);
		return rows.map(({ project: p, potCode, categoryName, neighbourhoodSlug, spaceSlug }) => ({
			code: p.code,
			process: spaceSlug,
			pot: potCode,
			title: p.title,
			text: markdownToText(p.body),
			category: categoryName?.ro ?? null,
			neighbourhood: neighbourhoodSlug,
			latitude: p.latitude,
			longitude: p.longitude,
			estimated_cost_lei: p.estimatedCost,
			city_cost_lei: p.cityCost,
			eligibility: p.eligibility,
			evaluation: p.evaluation,
			withdrawn: p.withdrawnAt !== null,
			funded: p.funded,
			votes: p.votes,
			implementation_status: p.implementationStatus,
			url: projectUrl(spaceSlug, p.moduleId, p.id)
		}));
	}
};

export const evaluationsExport: OpenDataExport = {
	name: 'budgets_evaluations',
	description:
		'Every public decision on participatory-budgeting projects (eligibility, evaluation, appeals) with its reason.',
	columns: [
		{ name: 'project', description: 'Code of the project the decision is about.' },
		{ name: 'process', description: 'URL slug of the process (the edition).' },
		{ name: 'kind', description: 'eligibility, evaluation, appeal (lodged) or appeal_decision.' },
		{ name: 'outcome', description: 'eligible, ineligible, feasible, unfeasible, lodged, upheld or dismissed.' },
		{ name: 'reason', description: 'The reason given with the decision, or empty.' },
		{ name: 'city_cost_lei', description: 'The city’s cost estimate set by an evaluation, in lei, or empty.' },
		{ name: 'decided_at', description: 'Time of the decision, ISO 8601 in UTC.' }
	],
	async rows(db, moduleIds) {
		const projects = (await projectsWithSpace(db, moduleIds)).filter((r) => r.public);
		if (!projects.length) return [];
		const byId = new Map(projects.map((r) => [r.project.id, r]));
		const decisions = await db
			.select()
			.from(budgetsDecisions)
			.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsDecisions.projectId))
			.where(inArray(budgetsProjects.moduleId, moduleIds))
			.orderBy(asc(budgetsProjects.code), asc(budgetsDecisions.createdAt));
		return decisions.flatMap(({ budgets_decisions: d }) => {
			const p = byId.get(d.projectId);
			if (!p) return [];
			// An appeal's own text is the author's; the log shows only that one was lodged.
			return [
				{
					project: p.project.code,
					process: p.spaceSlug,
					kind: d.kind,
					outcome: d.outcome,
					reason: d.kind === 'appeal' ? null : d.reason,
					city_cost_lei: d.cost,
					decided_at: d.createdAt.toISOString()
				}
			];
		});
	}
};
