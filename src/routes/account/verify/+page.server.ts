/** A citizen's verification levels: confirm a phone number by SMS code, prove residence/age against the census list. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { myVerifications } from '#lib/server/platform/verification/queries.ts';
import { sendPhoneCode } from '#lib/server/platform/verification/commands/send-phone-code.ts';
import { confirmPhoneCode } from '#lib/server/platform/verification/commands/confirm-phone-code.ts';
import { claimCensusEntry } from '#lib/server/platform/verification/commands/claim-census-entry.ts';
import { maskPhone } from '#lib/server/platform/verification/phone.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	const mine = await myVerifications(locals.actor);
	return { ...mine, pendingPhone: mine.pendingPhone && maskPhone(mine.pendingPhone) };
};

const status = (errors: Record<string, string>) => (errors._form === 'rate_limited' ? 429 : 400);
const form = async (request: Request) => Object.fromEntries(await request.formData());

export const actions = {
	sendCode: async ({ request, locals }) => {
		const input = await form(request);
		const result = await sendPhoneCode(locals.actor, input);
		if (!result.ok) return fail(status(result.errors), { errors: result.errors, phone: String(input.phone ?? '') });
		return { sent: maskPhone(result.value.phone) };
	},
	confirmCode: async ({ request, locals }) => {
		const result = await confirmPhoneCode(locals.actor, await form(request));
		if (!result.ok) return fail(400, { errors: result.errors });
		return { confirmed: 'phone' as const };
	},
	census: async ({ request, locals }) => {
		// The identifier is hashed in the command and never echoed back into the page.
		const result = await claimCensusEntry(locals.actor, await form(request));
		if (!result.ok) return fail(status(result.errors), { errors: result.errors });
		return { confirmed: result.value.age ? ('residence_age' as const) : ('residence' as const) };
	}
} satisfies Actions;
