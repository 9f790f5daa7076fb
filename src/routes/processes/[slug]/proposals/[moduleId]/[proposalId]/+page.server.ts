/** Public: one proposal with supports, answer, history and comments; support, withdraw and evaluation notes. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addEvaluationNote,
	supportProposal,
	unsupportProposal,
	viewProposal,
	withdrawProposal
} from '#lib/server/modules/proposals/index.ts';
import { viewComments } from '#lib/server/platform/comments/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	slug: params.slug,
	notice: url.searchParams.get('done'),
	...(await viewProposal(locals.actor, { spaceSlug: params.slug, ...params })),
	comments: await viewComments(locals.actor, { resourceType: 'proposal', resourceId: params.proposalId, url })
});

const back = (locals: App.Locals, p: { slug: string; moduleId: string; proposalId: string }, done: string, hash = '') =>
	redirect(
		303,
		`${localizedPath(`/processes/${p.slug}/proposals/${p.moduleId}/${p.proposalId}`, locals.locale)}?done=${done}${hash}`
	);

export const actions = {
	support: async ({ locals, params }) => {
		const result = await supportProposal(locals.actor, params);
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params, 'supported', '#supports');
	},
	unsupport: async ({ locals, params }) => {
		await unsupportProposal(locals.actor, params);
		back(locals, params, 'unsupported', '#supports');
	},
	withdraw: async ({ locals, params }) => {
		await withdrawProposal(locals.actor, params);
		back(locals, params, 'withdrawn');
	},
	note: async ({ request, locals, params }) => {
		const body = String((await request.formData()).get('body') ?? '');
		const result = await addEvaluationNote(locals.actor, params, { body });
		if (!result.ok) return fail(400, { errors: result.errors, body });
		back(locals, params, 'noted', '#evaluation');
	}
} satisfies Actions;
