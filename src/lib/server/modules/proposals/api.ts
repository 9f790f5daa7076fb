/** GET /api/v1/processes/{id}/proposals: proposals of a published process's public proposals modules, paged. */
import { z } from 'zod';
import { translate, type Translated } from '#lib/i18n/index.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoodChoices } from '../../platform/geo/place.ts';
import { invalid, NotFoundError, ok, type Result } from '../../platform/result.ts';
import { apiLocale } from '../../platform/spaces/api.ts';
import { findSpace, getVisibleProcess } from '../../platform/spaces/queries.ts';
import { ApiProposalList, ApiProposalQuery } from './api-schemas.ts';
import { canProposals, proposalsModule } from './context.ts';
import { categoriesOf, listProposals, proposalUrl, statesOf } from './queries.ts';

export async function proposalsForApi(
	idOrSlug: string,
	params: URLSearchParams
): Promise<Result<z.infer<typeof ApiProposalList>>> {
	const parsed = ApiProposalQuery.safeParse(Object.fromEntries(params));
	if (!parsed.success) return invalid(parsed.error);
	const q = parsed.data;
	const locale = apiLocale(q.locale ?? null);
	const db = await getDb();
	const actor = anonymous();
	// The process may be named by its slug or its id.
	const byId = await findSpace(db, idOrSlug);
	const process = await getVisibleProcess(db, actor, byId ? byId.slug : idOrSlug);
	const moduleIds: string[] = [];
	for (const m of process.modules.filter((m) => m.kind === 'proposals')) {
		const { ctx } = await proposalsModule(db, m.id);
		if (canProposals(actor, 'read', ctx).allowed) moduleIds.push(m.id);
	}
	if (!moduleIds.length) throw new NotFoundError('proposals');
	const text = (t: Translated) => (locale ? translate(t, locale).text : t);
	const [page, categories, states, neighbourhoods] = await Promise.all([
		listProposals(
			db,
			moduleIds,
			{ q: q.q, state: q.state, category: q.category, neighbourhood: q.neighbourhood, sort: q.sort },
			{ page: q.page, perPage: q.per_page }
		),
		Promise.all(moduleIds.map((id) => categoriesOf(db, id))).then((l) => l.flat()),
		Promise.all(moduleIds.map((id) => statesOf(db, id))).then((l) => l.flat()),
		neighbourhoodChoices(db)
	]);
	return ok(
		ApiProposalList.parse({
			data: page.rows.map((r) => {
				const category = categories.find((c) => c.id === r.categoryId);
				const hood = neighbourhoods.find((n) => n.id === r.neighbourhoodId);
				const custom = r.state === 'custom' ? states.find((s) => s.id === r.customStateId) : undefined;
				return {
					id: r.id,
					moduleId: r.moduleId,
					url: proposalUrl(process.space.slug, r.moduleId, r.id),
					title: r.title,
					authorName: r.authorName ?? null,
					category: category ? { id: category.id, name: text(category.name) } : null,
					neighbourhood: hood ? { id: hood.id, name: text(hood.name) } : null,
					address: r.address,
					latitude: r.latitude,
					longitude: r.longitude,
					state: r.state,
					customState: custom ? { id: custom.id, name: text(custom.name), colour: custom.colour } : null,
					supports: r.supportsCount,
					costEstimateLei: r.costEstimate,
					withdrawn: r.withdrawnAt !== null,
					createdAt: r.createdAt.toISOString(),
					answeredAt: r.answeredAt?.toISOString() ?? null
				};
			}),
			meta: {
				page: q.page,
				perPage: q.per_page,
				total: page.total,
				pages: Math.max(1, Math.ceil(page.total / q.per_page)),
				locale
			}
		})
	);
}
