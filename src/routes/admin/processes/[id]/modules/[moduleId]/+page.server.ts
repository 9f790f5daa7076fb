/** Admin: a mounted module's title, visibility, settings (global and per phase, generated) and verifications. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	moduleConfigurationForm,
	saveModuleConfiguration,
	unmountModuleFromSpace
} from '#lib/server/spaces-runtime/admin.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const config = await moduleConfigurationForm(locals.actor, params.id, params.moduleId);
	return {
		space: config.process.space,
		module: config.module,
		titleKey: config.titleKey,
		global: config.global,
		phases: config.phases,
		actions: config.actions,
		verificationKinds: config.verificationKinds,
		notice: url.searchParams.get('done')
	};
};

export const actions = {
	save: async ({ request, locals, params }) => {
		const result = await saveModuleConfiguration(locals.actor, params.id, params.moduleId, await request.formData());
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/modules/${params.moduleId}`, locals.locale)}?done=saved`
		);
	},
	unmount: async ({ locals, params }) => {
		const result = await unmountModuleFromSpace(locals.actor, params.id, params.moduleId);
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, `${localizedPath(`/admin/processes/${params.id}`, locals.locale)}?done=deleted#modules`);
	}
} satisfies Actions;
