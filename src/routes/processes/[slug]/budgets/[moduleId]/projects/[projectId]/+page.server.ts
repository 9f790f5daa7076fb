/** Public: one project — text, photos, place, costs, the decision log, appeal, comments; withdraw, appeal, decide. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	decideEligibility,
	lodgeAppeal,
	PROJECT_RESOURCE,
	viewProject,
	withdrawIdea
} from '#lib/server/modules/budgets/index.ts';
import { viewComments } from '#lib/server/platform/comments/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	slug: params.slug,
	notice: url.searchParams.get('done'),
	...(await viewProject(locals.actor, { spaceSlug: params.slug, ...params })),
	comments: await viewComments(locals.actor, { resourceType: PROJECT_RESOURCE, resourceId: params.projectId, url })
});

const back = (locals: App.Locals, p: { slug: string; moduleId: string; projectId: string }, done: string) =>
	redirect(
		303,
		`${localizedPath(`/processes/${p.slug}/budgets/${p.moduleId}/projects/${p.projectId}`, locals.locale)}?done=${done}`
	);

export const actions = {
	withdraw: async ({ locals, params }) => {
		await withdrawIdea(locals.actor, params);
		back(locals, params, 'withdrawn');
	},
	appeal: async ({ request, locals, params }) => {
		const text = String((await request.formData()).get('text') ?? '');
		const result = await lodgeAppeal(locals.actor, params, { text });
		if (!result.ok) return fail(400, { errors: result.errors, text });
		back(locals, params, 'appealed');
	},
	decide: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = {
			outcome: String(form.get('outcome') ?? '') as 'eligible',
			reason: String(form.get('reason') ?? '')
		};
		const result = await decideEligibility(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, ...input });
		back(locals, params, 'decided');
	}
} satisfies Actions;
