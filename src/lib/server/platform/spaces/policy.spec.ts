import { describe, expect, it } from 'vitest';
import type { Actor, PlatformRole, SpaceRole } from '../actors/actor.ts';
import { anonymous, system } from '../actors/actor.ts';
import { canManageSpace } from './policy.ts';

const user = (
	roles: PlatformRole[],
	spaceRoles: Record<string, SpaceRole[]> = {},
	pendingRoles: PlatformRole[] = []
): Actor => ({
	kind: 'user',
	id: 'u',
	name: 'U',
	email: 'u@example.ro',
	locale: 'ro',
	emailVerified: true,
	twoFactorEnabled: roles.length > 0,
	roles,
	pendingRoles,
	departmentIds: [],
	spaceRoles,
	verifications: [],
	context: {}
});

describe('who manages a process', () => {
	it.each([
		['an administrator', user(['admin']), true, true],
		['a staff member', user(['staff']), true, true],
		['a moderator', user(['moderator']), false, false],
		['an evaluator', user(['evaluator']), false, false],
		['a citizen', user([]), false, false],
		['the space’s own administrator', user([], { s1: ['admin'] }), false, true],
		['another space’s administrator', user([], { s2: ['admin'] }), false, false],
		['the space’s moderator', user([], { s1: ['moderator'] }), false, false],
		['an admin waiting for two-factor sign-in', user([], {}, ['admin']), false, false],
		['an anonymous visitor', anonymous(), false, false],
		['the system (seeds, jobs)', system('seed'), true, true]
	])('%s: create %s, manage space s1 %s', (_who, actor, create, manage) => {
		expect(canManageSpace(actor).allowed).toBe(create);
		expect(canManageSpace(actor, 's1').allowed).toBe(manage);
	});
});
