/** Admin: one process — its details, phases (move), modules, documents, and publishing. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { movePhase } from '#lib/server/platform/spaces/commands/move-phase.ts';
import { publishProcessAndModules, unpublishProcessAndModules } from '#lib/server/spaces-runtime/admin.ts';
import { mountableKinds } from '#lib/server/spaces-runtime/manifests.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const process = await getProcessForAdmin(locals.actor, params.id);
	return {
		space: process.space,
		phases: process.timeline.phases,
		modules: process.modules.map((mod) => ({
			...mod,
			titleKey: mountableKinds().find((k) => k.kind === mod.kind)?.titleKey
		})),
		documents: process.documents,
		notice: url.searchParams.get('done')
	};
};

const back = (locals: App.Locals, id: string, done: string) =>
	redirect(303, `${localizedPath(`/admin/processes/${id}`, locals.locale)}?done=${done}`);

export const actions = {
	publish: async ({ locals, params }) => {
		const result = await publishProcessAndModules(locals.actor, params.id);
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params.id, 'published');
	},
	unpublish: async ({ locals, params }) => {
		await unpublishProcessAndModules(locals.actor, params.id);
		back(locals, params.id, 'unpublished');
	},
	movePhase: async ({ locals, params, request }) => {
		const form = await request.formData();
		const direction = form.get('direction') === 'up' ? 'up' : 'down';
		await movePhase(locals.actor, { spaceId: params.id, phaseId: String(form.get('phaseId')), direction });
		back(locals, params.id, 'moved');
	}
} satisfies Actions;
