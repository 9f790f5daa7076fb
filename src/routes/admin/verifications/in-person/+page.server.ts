/** Staff find a person at the desk and record what they verified from a document (its type, never its number). */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '#lib/server/platform/permissions/index.ts';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { getUserForAdmin, searchUsers } from '#lib/server/platform/people/queries.ts';
import { recordInPersonVerification } from '#lib/server/platform/verification/commands/record-in-person-verification.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorize(canAdmin(locals.actor, 'verification.in_person'));
	const q = url.searchParams.get('q') ?? '';
	const userId = url.searchParams.get('user');
	return {
		q,
		results: q.trim() ? (await searchUsers(locals.actor, { q })).users : [],
		person: userId ? await getUserForAdmin(locals.actor, userId) : null
	};
};

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const input = {
			userId: data.get('userId'),
			kinds: data.getAll('kinds'),
			documentType: data.get('documentType'),
			organisationName: data.get('organisationName') ?? '',
			organisationRegistration: data.get('organisationRegistration') ?? ''
		};
		const result = await recordInPersonVerification(locals.actor, input);
		if (!result.ok) return fail(400, { errors: result.errors });
		return { recorded: result.value.kinds };
	}
} satisfies Actions;
