/** One zone: rename it and choose its neighbourhoods. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getZone } from '#lib/server/platform/geo/queries.ts';
import { updateZone } from '#lib/server/platform/geo/commands/update-zone.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await getZone(locals.actor, params.id)),
	saved: url.searchParams.has('saved')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const data = await request.formData();
		const ids = data.getAll('neighbourhoods').map(String);
		const values = Object.fromEntries([...data].filter(([k]) => k.startsWith('name_'))) as Record<string, string>;
		const result = await updateZone(locals.actor, params.id, values, ids);
		if (!result.ok) return fail(400, { errors: result.errors, values, ids });
		return { saved: true };
	}
} satisfies Actions;
