/** Creates a zone from a name and a set of neighbourhoods. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getZoneChoices } from '#lib/server/platform/geo/queries.ts';
import { createZone } from '#lib/server/platform/geo/commands/create-zone.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals }) => ({ neighbourhoods: await getZoneChoices(locals.actor) });

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const ids = data.getAll('neighbourhoods').map(String);
		const values = Object.fromEntries([...data].filter(([k]) => k.startsWith('name_'))) as Record<string, string>;
		const result = await createZone(locals.actor, values, ids);
		if (!result.ok) return fail(400, { errors: result.errors, values, ids });
		redirect(303, `${localizedPath(`/admin/zones/${result.value.id}`, locals.locale)}?saved=1`);
	}
} satisfies Actions;
