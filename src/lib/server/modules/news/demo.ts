/** Mounts a published news module with Romanian announcements into a demo process (used by the demo seed). */
import { system } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { news } from './manifest.ts';
import { postsWithSpace } from './queries.ts';
import { indexNewsPost } from './search.ts';

export async function mountDemoNews(db: Db, spaceId: string, adminId: string | null): Promise<string> {
	const actor = system('seed');
	const title = { ro: 'Noutăți', en: 'News' };
	const mounted = await mountModule(actor, { spaceId, manifest: news }, { title });
	if (!mounted.ok) throw new Error(`demo news: ${JSON.stringify(mounted.errors)}`);
	const moduleId = mounted.value.id;
	await configureModule(
		actor,
		{ spaceId, moduleId, manifest: news },
		{ title, published: true, settings: {}, phaseSettings: {}, requiredVerifications: {} }
	);
	await news.seed!(db, { spaceId, moduleId, userIds: adminId ? [adminId] : [] });
	for (const { post } of await postsWithSpace(db, [moduleId])) await indexNewsPost(db, post);
	return moduleId;
}
