/** Admin: every participatory process, with its status and current phase. */
import type { PageServerLoad } from './$types';
import { listProcessesForAdmin } from '#lib/server/platform/spaces/queries.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	processes: (await listProcessesForAdmin(locals.actor)).map(({ space, timeline }) => ({
		id: space.id,
		slug: space.slug,
		title: space.title,
		status: space.status,
		phaseCount: timeline.phases.length,
		current: timeline.current ? { title: timeline.current.title } : null
	}))
});
