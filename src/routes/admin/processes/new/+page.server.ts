/** Admin: create a process (a draft), then continue on its page to add phases and modules. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '#lib/server/platform/permissions/index.ts';
import { canManageSpace } from '#lib/server/platform/spaces/policy.ts';
import { readProcessForm, readSpaceKind } from '#lib/server/platform/spaces/forms.ts';
import { createProcess } from '#lib/server/platform/spaces/commands/create-process.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { setUpConsultationSpace } from '#lib/server/modules/consultations/index.ts';

export const load: PageServerLoad = ({ locals }) => {
	authorize(canManageSpace(locals.actor));
};

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const input = readProcessForm(form);
		const kind = readSpaceKind(form);
		const result = await createProcess(locals.actor, input, { kind });
		if (!result.ok) return fail(400, { errors: result.errors, values: { ...input, kind } });
		if (result.value.kind === 'consultation') await setUpConsultationSpace(locals.actor, result.value.id);
		redirect(303, `${localizedPath(`/admin/processes/${result.value.id}`, locals.locale)}?done=created`);
	}
} satisfies Actions;
