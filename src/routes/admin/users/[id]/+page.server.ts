/** One person: grant or revoke platform roles, department memberships and space roles (every change audited). */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { getUserForAdmin, listDepartments, listSpacesForRoles } from '#lib/server/platform/people/queries.ts';
import { grantRole } from '#lib/server/platform/people/commands/grant-role.ts';
import { revokeRole } from '#lib/server/platform/people/commands/revoke-role.ts';
import { addDepartmentMember } from '#lib/server/platform/people/commands/add-department-member.ts';
import { removeDepartmentMember } from '#lib/server/platform/people/commands/remove-department-member.ts';
import { grantSpaceRole } from '#lib/server/platform/people/commands/grant-space-role.ts';
import { revokeSpaceRole } from '#lib/server/platform/people/commands/revoke-space-role.ts';
import type { Actor } from '#lib/server/platform/actors/actor.ts';
import type { Result } from '#lib/server/platform/result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const person = await getUserForAdmin(locals.actor, params.id);
	const manage = canAdmin(locals.actor, 'users.manage_roles').allowed;
	return {
		...person,
		manage,
		departmentsList: manage ? await listDepartments(locals.actor) : [],
		spaces: manage ? await listSpacesForRoles(locals.actor) : []
	};
};

type Command = (actor: Actor, input: Record<string, unknown>) => Promise<Result<unknown>>;

/** Every action posts a small form about this person; the outcome is shown as a notice or an error summary. */
const run =
	(command: Command, done: string): Actions[string] =>
	async ({ request, locals, params }) => {
		const input = { ...Object.fromEntries(await request.formData()), userId: params.id };
		const result = await command(locals.actor, input);
		if (!result.ok) return fail(400, { errors: result.errors });
		return { done };
	};

export const actions = {
	grantRole: run(grantRole, 'admin_user_role_granted'),
	revokeRole: run(revokeRole, 'admin_user_role_revoked'),
	addDepartment: run(addDepartmentMember, 'admin_user_department_added'),
	removeDepartment: run(removeDepartmentMember, 'admin_user_department_removed'),
	grantSpaceRole: run(grantSpaceRole, 'admin_user_space_role_granted'),
	revokeSpaceRole: run(revokeSpaceRole, 'admin_user_space_role_revoked')
} satisfies Actions;
