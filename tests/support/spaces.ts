/** Medium-test helpers for spaces: people with roles (inserted directly), and a process with dated phases. */
import { randomUUID } from 'node:crypto';
import { todayInBucharest } from '../../src/lib/server/platform/calendar/index.ts';
import type { Actor, PlatformRole, SpaceRole, VerificationKind } from '../../src/lib/server/platform/actors/actor.ts';
import { getDb } from '../../src/lib/server/platform/db/index.ts';
import { user } from '../../src/lib/server/platform/db/schema.ts';
import { createProcess } from '../../src/lib/server/platform/spaces/commands/create-process.ts';
import { addPhase } from '../../src/lib/server/platform/spaces/commands/add-phase.ts';

/** Inserts an account and returns an actor for it, with the given roles in force (as if two-factor were on). */
export async function person(
	roles: PlatformRole[] = [],
	{
		spaceRoles = {},
		verifications = []
	}: { spaceRoles?: Record<string, SpaceRole[]>; verifications?: VerificationKind[] } = {}
): Promise<Extract<Actor, { kind: 'user' }>> {
	const id = randomUUID();
	const email = `${id.slice(0, 8)}@example.ro`;
	await (await getDb()).insert(user).values({ id, name: `Person ${id.slice(0, 4)}`, email, emailVerified: true });
	return {
		kind: 'user',
		id,
		name: 'Person',
		email,
		locale: 'ro',
		emailVerified: true,
		twoFactorEnabled: roles.length > 0,
		roles,
		pendingRoles: [],
		departmentIds: [],
		spaceRoles,
		verifications,
		context: { ip: '198.51.100.7', userAgent: 'vitest' }
	};
}

export const processInput = (title = 'Bugetare participativă 2025') => ({
	title: { ro: title, en: 'Participatory budgeting 2025' },
	summary: { ro: 'Locuitorii propun și votează proiecte.' },
	description: { ro: 'Descriere lungă a procesului.' },
	organiser: { ro: 'Primăria Municipiului Timișoara' },
	decides: { ro: 'Locuitorii votează; Consiliul Local aprobă bugetul.' },
	expectedResult: { ro: 'O listă de proiecte finanțate.' }
});

/** A date `days` away from `now`, as YYYY-MM-DD (UTC; tests keep a margin from midnight). */
/** The calendar date `days` after `now` in the city's time zone (the platform's dates are Europe/Bucharest: between
 * 22:00 and 24:00 UTC a UTC date would already be yesterday there). */
export const day = (now: Date, days: number) => todayInBucharest(now.getTime() + days * 86_400_000);

/** A draft process with three phases around `now`: past, current and upcoming. */
export async function processWithThreePhases(admin: Actor, now = new Date(), title?: string) {
	const created = await createProcess(admin, processInput(title));
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const spaceId = created.value.id;
	const ids: string[] = [];
	for (const [name, from, to] of [
		['Propuneri', -30, -11],
		['Vot', -10, 10],
		['Implementare', 11, 60]
	] as const) {
		const r = await addPhase(admin, spaceId, {
			title: { ro: name },
			description: { ro: '' },
			startsOn: day(now, from),
			endsOn: day(now, to)
		});
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		ids.push(r.value.id);
	}
	return { spaceId, slug: created.value.slug, phaseIds: ids };
}
