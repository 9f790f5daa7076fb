/** Two-factor sign-in set-up: enable (password → secret + QR), confirm with a code (backup codes shown once), disable. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { twoFactorState } from '#lib/server/platform/people/two-factor.ts';
import { enableTwoFactor } from '#lib/server/platform/people/commands/enable-two-factor.ts';
import { confirmTwoFactor } from '#lib/server/platform/people/commands/confirm-two-factor.ts';
import { disableTwoFactor } from '#lib/server/platform/people/commands/disable-two-factor.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = requireUser(locals.actor, url, locals.locale);
	const staff = me.pendingRoles.length > 0 || me.roles.length > 0;
	return {
		state: await twoFactorState(me.id),
		pendingRoles: me.pendingRoles,
		continueTo: safeNext(url.searchParams.get('next')) ?? (staff ? '/admin' : '/account')
	};
};

const form = async (request: Request) => Object.fromEntries(await request.formData());

export const actions = {
	enable: async ({ request, locals }) => {
		const result = await enableTwoFactor(locals.actor, await form(request), request.headers);
		if (!result.ok) return fail(400, { errors: result.errors });
		// The page shows the new secret from the pending set-up state that `load` reads back.
		return { started: true };
	},
	confirm: async ({ request, locals }) => {
		const result = await confirmTwoFactor(locals.actor, await form(request), request.headers);
		if (!result.ok) return fail(400, { errors: result.errors });
		return { backupCodes: result.value.backupCodes };
	},
	disable: async ({ request, locals }) => {
		const result = await disableTwoFactor(locals.actor, await form(request), request.headers);
		if (!result.ok) return fail(400, { errors: result.errors, disabling: true });
		return { disabled: true };
	}
} satisfies Actions;
