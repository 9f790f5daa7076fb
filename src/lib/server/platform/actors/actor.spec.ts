import { describe, expect, it } from 'vitest';
import { anonymous, hasAnyRole, type Actor } from './actor.ts';

const citizen: Actor = {
	kind: 'user',
	id: 'u1',
	name: 'Ana',
	email: 'ana@example.ro',
	locale: 'ro',
	emailVerified: true,
	twoFactorEnabled: false,
	roles: [],
	pendingRoles: [],
	departmentIds: [],
	spaceRoles: {},
	verifications: [],
	context: {}
};

// Who gets pages rendered for them rather than shared (ADR 0007): anyone holding a role may see more there.
describe('hasAnyRole', () => {
	it('is true for a platform role, one waiting for two-factor sign-in, or a role in a space', () => {
		expect(hasAnyRole(citizen)).toBe(false);
		expect(hasAnyRole(anonymous())).toBe(false);
		expect(hasAnyRole({ ...citizen, roles: ['staff'] })).toBe(true);
		expect(hasAnyRole({ ...citizen, pendingRoles: ['admin'] })).toBe(true);
		expect(hasAnyRole({ ...citizen, spaceRoles: { s1: ['evaluator'] } })).toBe(true);
	});
});
