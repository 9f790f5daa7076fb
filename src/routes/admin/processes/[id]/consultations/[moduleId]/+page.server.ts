/** Admin: write the announcement of the draft and publish it with its legal dates. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	manageConsultation,
	publishConsultation,
	readAnnouncementForm,
	readPublishForm,
	saveAnnouncement
} from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageConsultation(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	notice: url.searchParams.get('done')
});

const file = (v: FormDataEntryValue | null) => (v instanceof File ? v : null);
const back = (locals: App.Locals, p: { id: string; moduleId: string }, done: string) =>
	redirect(303, `${localizedPath(`/admin/processes/${p.id}/consultations/${p.moduleId}`, locals.locale)}?done=${done}`);

export const actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = readAnnouncementForm(form);
		const result = await saveAnnouncement(locals.actor, { moduleId: params.moduleId }, input, {
			explanatoryNoteFile: file(form.get('explanatoryNoteFile')),
			impactStudyFile: file(form.get('impactStudyFile')),
			draftFile: file(form.get('draftFile'))
		});
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		back(locals, params, 'saved');
	},
	publish: async ({ request, locals, params }) => {
		const input = readPublishForm(await request.formData());
		const result = await publishConsultation(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, publish: input });
		back(locals, params, 'published');
	}
} satisfies Actions;
