/** Admin: the pages of a pages module, in reading order (move up / down). */
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { managePages, movePage } from '#lib/server/modules/pages/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await managePages(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	notice: url.searchParams.get('done')
});

export const actions = {
	move: async ({ request, locals, params }) => {
		const form = await request.formData();
		const direction = form.get('direction') === 'up' ? 'up' : 'down';
		await movePage(locals.actor, { moduleId: params.moduleId, pageId: String(form.get('pageId')), direction });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/pages/${params.moduleId}`, locals.locale)}?done=saved`
		);
	}
} satisfies Actions;
