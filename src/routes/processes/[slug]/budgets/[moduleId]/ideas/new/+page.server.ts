/** Public: submit a project idea (multipart form; a submission key makes a repeated submission harmless). */
import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readIdeaForm, submitIdea, viewIdeaForm } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Signed-out visitors are sent to sign in and brought back here, rather than shown a refusal.
	if (locals.actor.kind === 'anonymous')
		redirect(303, `${localizedPath('/account/sign-in', locals.locale)}?next=${encodeURIComponent(url.pathname)}`);
	return {
		slug: params.slug,
		submissionKey: randomUUID(),
		...(await viewIdeaForm(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }))
	};
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { input, files } = readIdeaForm(form);
		const submissionKey = String(form.get('submissionKey') ?? '');
		const result = await submitIdea(locals.actor, { moduleId: params.moduleId, submissionKey }, input, files);
		if (!result.ok) return fail(400, { errors: result.errors, values: input, submissionKey });
		redirect(
			303,
			`${localizedPath(`/processes/${params.slug}/budgets/${params.moduleId}/projects/${result.value.id}`, locals.locale)}?done=created`
		);
	}
} satisfies Actions;
