/** Area subscriptions: subscribe to new reports in a neighbourhood or around a pin; see and end one's subscriptions. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { subscribeArea, unsubscribeArea, viewSubscriptions } from '#lib/server/modules/reports/index.ts';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

const back = (locale: string, query: string) => `${localizedPath('/reports/subscriptions', locale)}?${query}`;

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await viewSubscriptions(locals.actor)),
	done: url.searchParams.get('done'),
	createdId: url.searchParams.get('id')
});

export const actions = {
	subscribe: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		const { moduleId } = await viewSubscriptions(locals.actor);
		const form = await request.formData();
		const result = await subscribeArea(locals.actor, moduleId, {
			place: form,
			radiusMeters: String(form.get('radius') ?? '')
		});
		if (!result.ok) return fail(400, { errors: result.errors, values: Object.fromEntries(form) });
		redirect(303, back(locals.locale, `done=subscribed&id=${result.value.id}`));
	},
	unsubscribe: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		await unsubscribeArea(locals.actor, String((await request.formData()).get('id') ?? ''));
		redirect(303, back(locals.locale, 'done=unsubscribed'));
	}
} satisfies Actions;
