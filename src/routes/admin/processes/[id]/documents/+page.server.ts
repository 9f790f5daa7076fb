/** Admin: a process's cover image and documents (uploads go through the platform's files interface). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { readTranslated } from '#lib/server/platform/spaces/forms.ts';
import { setProcessCover } from '#lib/server/platform/spaces/commands/set-process-cover.ts';
import { addProcessDocument } from '#lib/server/platform/spaces/commands/add-process-document.ts';
import { removeProcessDocument } from '#lib/server/platform/spaces/commands/remove-process-document.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { space, documents } = await getProcessForAdmin(locals.actor, params.id);
	return { space, documents, notice: url.searchParams.get('done') };
};

const done = (locals: App.Locals, id: string) =>
	redirect(303, `${localizedPath(`/admin/processes/${id}/documents`, locals.locale)}?done=saved`);
const file = (v: FormDataEntryValue | null) => (v instanceof File ? v : null);

export const actions = {
	cover: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await setProcessCover(locals.actor, params.id, { file: file(form.get('cover')) });
		if (!result.ok) return fail(400, { errors: result.errors });
		done(locals, params.id);
	},
	removeCover: async ({ locals, params }) => {
		await setProcessCover(locals.actor, params.id, { file: null, remove: true });
		done(locals, params.id);
	},
	add: async ({ request, locals, params }) => {
		const form = await request.formData();
		const title = readTranslated(form, 'title');
		const result = await addProcessDocument(locals.actor, params.id, { file: file(form.get('document')), title });
		if (!result.ok) return fail(400, { errors: result.errors, title });
		done(locals, params.id);
	},
	remove: async ({ request, locals, params }) => {
		const form = await request.formData();
		await removeProcessDocument(locals.actor, { spaceId: params.id, documentId: String(form.get('documentId')) });
		done(locals, params.id);
	}
} satisfies Actions;
