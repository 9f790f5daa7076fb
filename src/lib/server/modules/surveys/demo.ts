/** Demo content: the mobility survey mounted into a demo process, open in its current phase, with public results. */
import { like } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { user } from '../../platform/db/schema.ts';
import { loadModule } from '../../platform/modules/runtime.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { surveys } from './manifest.ts';
import { indexSurvey } from './search.ts';

export async function mountDemoSurvey(db: Db, spaceId: string): Promise<string> {
	const actor = system('seed');
	const title = { ro: 'Chestionar: cum vă deplasați prin Timișoara?', en: 'Survey: how do you get around Timișoara?' };
	const mounted = await mountModule(actor, { spaceId, manifest: surveys }, { title });
	if (!mounted.ok) throw new Error(`demo survey: ${JSON.stringify(mounted.errors)}`);
	const moduleId = mounted.value.id;
	const { ctx } = await loadModule(db, surveys, moduleId);
	await configureModule(
		actor,
		{ spaceId, moduleId, manifest: surveys },
		{
			title,
			published: true,
			settings: { publicResults: true },
			phaseSettings: ctx.currentPhaseId ? { [ctx.currentPhaseId]: { answers: 'open' } } : {},
			requiredVerifications: {}
		}
	);
	// The demo citizens (seed/demo-users.ts) answer it; the rest of the forty responses are detached.
	const citizens = await db.select({ id: user.id }).from(user).where(like(user.email, '%@demo.vocea.local'));
	await surveys.seed!(db, { spaceId, moduleId, userIds: citizens.map((c) => c.id) });
	await indexSurvey(db, moduleId);
	return moduleId;
}
