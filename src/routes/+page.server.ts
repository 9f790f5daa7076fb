/** Home: the processes whose current phase is open now, soonest closing first. */
import type { PageServerLoad } from './$types';
import { listPublishedProcesses } from '#lib/server/platform/spaces/queries.ts';

export const load: PageServerLoad = async () => ({
	openNow: (await listPublishedProcesses())
		.filter(({ timeline }) => timeline.current)
		.sort((a, b) => a.timeline.current!.endsOn.localeCompare(b.timeline.current!.endsOn))
		.slice(0, 6)
		.map(({ space, timeline }) => ({
			id: space.id,
			slug: space.slug,
			title: space.title,
			summary: space.summary,
			current: { title: timeline.current!.title, endsOn: timeline.current!.endsOn }
		}))
});
