import { describe, expect, it } from 'vitest';
import { anonymous, system, type Actor, type PlatformRole } from '../actors/actor.ts';
import { adminActions, canAdmin, allowedAdminActions, type AdminAction } from './admin-policy.ts';

const user = (roles: PlatformRole[], pending: PlatformRole[] = []): Actor => ({
	kind: 'user',
	id: 'u1',
	name: 'Ana',
	email: 'ana@example.ro',
	locale: 'ro',
	emailVerified: true,
	twoFactorEnabled: pending.length === 0,
	roles,
	pendingRoles: pending,
	departmentIds: [],
	spaceRoles: {},
	verifications: [],
	context: {}
});

const actors: Record<string, Actor> = {
	anonymous: anonymous(),
	citizen: user([]),
	admin: user(['admin']),
	staff: user(['staff']),
	moderator: user(['moderator']),
	evaluator: user(['evaluator']),
	'admin without 2FA': user([], ['admin']),
	'staff without 2FA': user([], ['staff']),
	system: system('seed')
};

// Written out by hand on purpose: the test is the specification, not a copy of the table.
const Y = true;
const N = false;
//                                  anon citizen admin staff moder evalu admin-no2fa staff-no2fa system
const expected: Record<AdminAction, boolean[]> = {
	'area.enter': /*             */ [N, N, Y, Y, Y, Y, N, N, Y],
	'users.view': /*             */ [N, N, Y, Y, N, N, N, N, Y],
	'users.manage_roles': /*     */ [N, N, Y, N, N, N, N, N, Y],
	'departments.view': /*       */ [N, N, Y, Y, N, N, N, N, Y],
	'departments.manage': /*     */ [N, N, Y, N, N, N, N, N, Y],
	'neighbourhoods.manage': /*  */ [N, N, Y, N, N, N, N, N, Y],
	'zones.manage': /*           */ [N, N, Y, N, N, N, N, N, Y],
	'audit.view': /*             */ [N, N, Y, N, N, N, N, N, Y],
	'census.import': /*          */ [N, N, Y, N, N, N, N, N, Y],
	'verification.in_person': /* */ [N, N, Y, Y, N, N, N, N, Y],
	'processes.manage': /*       */ [N, N, Y, Y, N, N, N, N, Y],
	'comments.moderate': /*      */ [N, N, Y, N, Y, N, N, N, Y],
	'reports.handle': /*         */ [N, N, Y, Y, N, N, N, N, Y],
	'reports.manage': /*         */ [N, N, Y, N, N, N, N, N, Y],
	'outbox.view': /*            */ [N, N, Y, N, N, N, N, N, Y]
};

describe('canAdmin (role × action)', () => {
	it('has an expectation for every admin action', () => {
		expect(Object.keys(expected).sort()).toEqual([...adminActions].sort());
	});

	const names = Object.keys(actors);
	const rows = adminActions.flatMap((action) =>
		names.map((name, i) => ({ action, name, allowed: expected[action][i] }))
	);
	it.each(rows)('$name → $action: $allowed', ({ action, name, allowed }) => {
		expect(canAdmin(actors[name], action).allowed).toBe(allowed);
	});

	it('explains a refusal caused by two-factor sign-in being off', () => {
		expect(canAdmin(actors['admin without 2FA'], 'audit.view')).toEqual({
			allowed: false,
			reason: 'two_factor_required'
		});
		expect(canAdmin(actors.anonymous, 'audit.view')).toEqual({ allowed: false, reason: 'sign_in_required' });
	});

	it('lists the actions an actor may take', () => {
		expect(allowedAdminActions(actors.staff)).toEqual([
			'area.enter',
			'users.view',
			'departments.view',
			'verification.in_person',
			'processes.manage',
			'reports.handle'
		]);
		expect(allowedAdminActions(actors.citizen)).toEqual([]);
	});
});
