/** Adds a neighbourhood, optionally with a GeoJSON boundary file. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '#lib/server/platform/permissions/index.ts';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { createNeighbourhood } from '#lib/server/platform/geo/commands/create-neighbourhood.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { readUpload } from '../../upload.ts';

export const load: PageServerLoad = ({ locals }) => authorize(canAdmin(locals.actor, 'neighbourhoods.manage'));

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const values = Object.fromEntries([...data].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		const result = await createNeighbourhood(locals.actor, values, await readUpload(data.get('boundary')));
		if (!result.ok) return fail(400, { errors: result.errors, values });
		redirect(303, `${localizedPath(`/admin/neighbourhoods/${result.value.id}`, locals.locale)}?saved=1`);
	}
} satisfies Actions;
