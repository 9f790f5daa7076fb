/** The city's departments (directorates) with their member counts. */
import type { PageServerLoad } from './$types';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { listDepartments } from '#lib/server/platform/people/queries.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	departments: await listDepartments(locals.actor),
	manage: canAdmin(locals.actor, 'departments.manage').allowed
});
