/** Staff: promote a report into a proposal or a participatory-budgeting idea; the chain shows where it went. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { promoteReportToIdea, promoteReportToProposal, viewPromotion } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

const back = (locale: string, id: string, query: string) =>
	`${localizedPath(`/admin/reports/promote/${id}`, locale)}?${query}`;

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewPromotion(locals.actor, params.id)),
	done: url.searchParams.get('done'),
	promoted: url.searchParams.get('promoted')
});

export const actions = {
	proposal: async ({ request, locals, params }) => {
		const moduleId = String((await request.formData()).get('proposalModule') ?? '');
		const result = await promoteReportToProposal(locals.actor, params.id, { moduleId });
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, back(locals.locale, params.id, 'done=proposal'));
	},
	promote: async ({ request, locals, params }) => {
		const result = await promoteReportToIdea(locals.actor, params.id, await request.formData());
		if (!result.ok) return fail(400, { errors: result.errors, promote: true });
		redirect(303, back(locals.locale, params.id, `done=idea&promoted=${encodeURIComponent(result.value.code)}`));
	}
} satisfies Actions;
