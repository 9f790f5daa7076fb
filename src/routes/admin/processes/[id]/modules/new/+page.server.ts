/** Admin: mount a module into a process (choose a kind from the registry, give it a title). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { mountableKinds } from '#lib/server/spaces-runtime/manifests.ts';
import { mountModuleOfKind } from '#lib/server/spaces-runtime/admin.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	space: (await getProcessForAdmin(locals.actor, params.id)).space,
	kinds: mountableKinds()
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await mountModuleOfKind(locals.actor, params.id, form);
		if (!result.ok) return fail(400, { errors: result.errors, values: Object.fromEntries(form) });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/modules/${result.value.id}`, locals.locale)}?done=created`
		);
	}
} satisfies Actions;
