/**
 * Assisted voting at a desk: staff fill in the ballot with the citizen and cast it; the receipt is shown on a
 * printable page (returned by the action, never put in a URL) and sent by e-mail and SMS.
 */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { castAssistedBallot, deskBallot, readRawChoices } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	deskBallot(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		deskId: params.deskId,
		userId: params.userId
	});

export const actions = {
	default: async ({ request, locals, params }) => {
		const raw = readRawChoices(await request.formData());
		const at = { moduleId: params.moduleId, deskId: params.deskId, userId: params.userId };
		const result = await castAssistedBallot(locals.actor, at, raw);
		if (!result.ok) return fail(400, { errors: result.errors, raw });
		return { receipt: result.value.receipt, chosen: result.value.choices.flatMap((c) => c.projectIds) };
	}
} satisfies Actions;
