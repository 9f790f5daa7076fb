/** The person's notifications (unread first), mark read, and how often they want e-mails. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { listNotifications } from '#lib/server/platform/notifications/queries.ts';
import { markNotificationRead } from '#lib/server/platform/notifications/commands/mark-notification-read.ts';
import { markAllNotificationsRead } from '#lib/server/platform/notifications/commands/mark-all-notifications-read.ts';
import { setEmailMode } from '#lib/server/platform/notifications/commands/set-email-mode.ts';

const back = (locale: string, updated: string) =>
	`${localizedPath('/account/notifications', locale)}?updated=${updated}`;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	const list = await listNotifications(locals.actor, {
		locale: locals.locale,
		page: Number(url.searchParams.get('page') ?? 1)
	});
	return { ...list, updated: url.searchParams.get('updated') };
};

export const actions = {
	read: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		const id = String((await request.formData()).get('id') ?? '');
		await markNotificationRead(locals.actor, id);
		redirect(303, back(locals.locale, 'read'));
	},
	readAll: async ({ locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		await markAllNotificationsRead(locals.actor);
		redirect(303, back(locals.locale, 'all'));
	},
	preferences: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		const input = Object.fromEntries(await request.formData());
		const result = await setEmailMode(locals.actor, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, back(locals.locale, 'preferences'));
	}
} satisfies Actions;
