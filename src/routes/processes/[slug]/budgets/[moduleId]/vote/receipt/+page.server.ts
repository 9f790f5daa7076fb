/** Public: the receipt after a cast — the code, what was cast, how to check and change it (from the voter's cookie). */
import type { PageServerLoad } from './$types';
import { readReceiptFlash, receiptCookie, viewReceipt } from '#lib/server/modules/budgets/index.ts';
import { requireUser } from '#lib/server/platform/auth/guards.ts';

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	requireUser(locals.actor, url, locals.locale);
	const flash = readReceiptFlash(cookies.get(receiptCookie(params.moduleId)));
	const where = { spaceSlug: params.slug, moduleId: params.moduleId };
	return {
		slug: params.slug,
		receipt: flash?.receipt ?? null,
		status: flash?.status ?? null,
		...(await viewReceipt(locals.actor, where, flash, locals.locale))
	};
};
