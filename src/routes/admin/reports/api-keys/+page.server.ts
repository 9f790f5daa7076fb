/** Open311 API keys (administrators): the list, a new key shown once, revoking a key. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => ({
	keys: await open311.listApiKeys(locals.actor),
	revoked: url.searchParams.get('revoked') === '1'
});

export const actions = {
	create: async ({ request, locals }) => {
		const name = (await request.formData()).get('name');
		const result = await open311.createApiKey(locals.actor, { name });
		if (!result.ok) return fail(400, { errors: result.errors, values: { name: String(name ?? '') } });
		// The key is in this one answer only: it is never stored, and the page after a reload no longer has it.
		return { created: { name: result.value.name, key: result.value.key } };
	},
	revoke: async ({ request, locals }) => {
		await open311.revokeApiKey(locals.actor, String((await request.formData()).get('id') ?? ''));
		redirect(303, `${localizedPath('/admin/reports/api-keys', locals.locale)}?revoked=1`);
	}
} satisfies Actions;
