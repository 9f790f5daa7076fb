/** The administration area: only people with a platform role in force (two-factor sign-in on) enter. */
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { isUser, needsTwoFactor } from '#lib/server/platform/actors/actor.ts';
import { allowedAdminActions, canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { authorize } from '#lib/server/platform/permissions/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { isEmbedded } from '#lib/server/platform/db/index.ts';
import { isDemo } from '#lib/server/platform/config/env.ts';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const actor = locals.actor;
	const next = encodeURIComponent(url.pathname + url.search);
	if (!isUser(actor)) redirect(303, `${localizedPath('/account/sign-in', locals.locale)}?next=${next}`);
	// Granted roles wait for two-factor sign-in: send the person to set it up, then back here.
	if (needsTwoFactor(actor)) redirect(303, `${localizedPath('/account/two-factor', locals.locale)}?next=${next}`);
	authorize(canAdmin(actor, 'area.enter'));
	return { allowed: allowedAdminActions(actor), embedded: isEmbedded(), demo: isDemo() };
};
