/** Public: the author edits their proposal while the edit window is open. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readProposalForm, updateProposal, viewProposalForm } from '#lib/server/modules/proposals/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewProposalForm(locals.actor, { spaceSlug: params.slug, ...params }))
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const { input, files } = readProposalForm(await request.formData());
		const result = await updateProposal(locals.actor, params, input, files);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/processes/${params.slug}/proposals/${params.moduleId}/${params.proposalId}`, locals.locale)}?done=saved`
		);
	}
} satisfies Actions;
