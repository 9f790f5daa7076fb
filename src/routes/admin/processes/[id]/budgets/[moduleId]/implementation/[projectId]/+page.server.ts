/** Admin: track one funded project — its current state, and timeline entries (text, photos) for its followers. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	addProgressEntry,
	manageProjectImplementation,
	readImplementationForm,
	readProgressEntryForm,
	updateImplementation
} from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	locale: locals.locale,
	notice: url.searchParams.get('done'),
	...(await manageProjectImplementation(locals.actor, { spaceId: params.id, ...params }))
});

type P = { id: string; moduleId: string; projectId: string };
const back = (locals: App.Locals, p: P, done: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${p.id}/budgets/${p.moduleId}/implementation/${p.projectId}`, locals.locale)}?done=${done}`
	);

export const actions = {
	state: async ({ request, locals, params }) => {
		const input = readImplementationForm(await request.formData());
		const result = await updateImplementation(locals.actor, params, input);
		if (!result.ok) return fail(400, { form: 'state', errors: result.errors, values: input });
		back(locals, params, 'saved');
	},
	entry: async ({ request, locals, params }) => {
		const { input, photos } = readProgressEntryForm(await request.formData());
		const result = await addProgressEntry(locals.actor, params, input, photos);
		if (!result.ok) return fail(400, { form: 'entry', errors: result.errors, values: input });
		back(locals, params, 'added');
	}
} satisfies Actions;
