/** Demo mode only: the e-mails and SMS the development mailer and gateway recorded, newest first. */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isDemo } from '#lib/server/platform/config/env.ts';
import { viewOutbox } from '#lib/server/platform/notifications/outbox.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Outside demo mode real messages go out: the page does not exist then.
	if (!isDemo()) error(404, 'not_found');
	const to = url.searchParams.get('to') ?? '';
	const channel = url.searchParams.get('channel') ?? '';
	const messages = await viewOutbox(locals.actor, { to, channel });
	return { messages, to, channel };
};
