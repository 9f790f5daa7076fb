/** Admin: answer a proposal, assign evaluators, read and write private evaluation notes. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addEvaluationNote,
	answerProposal,
	assignEvaluator,
	manageProposal,
	readAnswerForm,
	unassignEvaluator
} from '#lib/server/modules/proposals/index.ts';
import { promoteFromForm, promotionTargets } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageProposal(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		proposalId: params.proposalId
	})),
	// Staff may turn the proposal into an idea of a participatory-budgeting edition (budgets module).
	promotion: await promotionTargets(locals.actor)
});

type P = { id: string; moduleId: string; proposalId: string };
const back = (locals: App.Locals, p: P, done: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${p.id}/proposals/${p.moduleId}/${p.proposalId}`, locals.locale)}?done=${done}`
	);

export const actions = {
	answer: async ({ request, locals, params }) => {
		const input = readAnswerForm(await request.formData());
		const result = await answerProposal(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		back(locals, params, 'answered');
	},
	assign: async ({ request, locals, params }) => {
		const userId = String((await request.formData()).get('userId') ?? '');
		const result = await assignEvaluator(locals.actor, params, { userId });
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params, 'assigned');
	},
	unassign: async ({ request, locals, params }) => {
		const userId = String((await request.formData()).get('userId') ?? '');
		await unassignEvaluator(locals.actor, params, { userId });
		back(locals, params, 'unassigned');
	},
	note: async ({ request, locals, params }) => {
		const body = String((await request.formData()).get('body') ?? '');
		const result = await addEvaluationNote(locals.actor, params, { body });
		if (!result.ok) return fail(400, { errors: result.errors, note: body });
		back(locals, params, 'noted');
	},
	promote: async ({ request, locals, params }) => {
		const { proposal: p } = await manageProposal(locals.actor, {
			spaceId: params.id,
			moduleId: params.moduleId,
			proposalId: params.proposalId
		});
		const source = {
			resourceType: 'proposal',
			resourceId: p.id,
			title: p.title,
			body: p.body,
			place: { address: p.address, neighbourhoodId: p.neighbourhoodId, lat: p.latitude, lng: p.longitude },
			authorId: p.authorId
		};
		const result = await promoteFromForm(locals.actor, source, await request.formData());
		if (!result.ok) return fail(400, { errors: result.errors, promote: true });
		back(locals, params, `promoted&promoted=${encodeURIComponent(result.value.code)}`);
	}
} satisfies Actions;
