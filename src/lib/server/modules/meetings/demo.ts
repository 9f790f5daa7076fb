/** The meetings module in the demo content: mounted into a demo process with a public debate and a past meeting. */
import { inArray } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { user } from '../../platform/db/schema.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { meetings } from './manifest.ts';
import { meetingsWithSpace } from './queries.ts';
import { indexMeeting } from './search.ts';

// A few demo citizens are already registered (one asked to speak); the others are left free for the demo and tests.
const registered = [
	'levente.kovacs@demo.vocea.local',
	'dragan.jovanovic@demo.vocea.local',
	'olena.kovalenko@demo.vocea.local'
];

export async function mountDemoMeetings(db: Db, spaceId: string): Promise<string> {
	const actor = system('seed');
	const title = { ro: 'Întâlniri și dezbateri', en: 'Meetings and debates' };
	const mounted = await mountModule(actor, { spaceId, manifest: meetings }, { title });
	if (!mounted.ok) throw new Error(`demo meetings: ${JSON.stringify(mounted.errors)}`);
	const moduleId = mounted.value.id;
	await configureModule(
		actor,
		{ spaceId, moduleId, manifest: meetings },
		{ title, published: true, settings: {}, phaseSettings: {}, requiredVerifications: {} }
	);
	const people = await db.select({ id: user.id }).from(user).where(inArray(user.email, registered));
	await meetings.seed!(db, { spaceId, moduleId, userIds: people.map((p) => p.id) });
	for (const { meeting } of await meetingsWithSpace(db, [moduleId])) await indexMeeting(db, meeting);
	return moduleId;
}
