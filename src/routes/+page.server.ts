/** Home: consultations on draft acts open now (first), then the processes whose current phase is open now, soonest closing first. */
import type { PageServerLoad } from './$types';
import { listPublishedProcesses } from '#lib/server/platform/spaces/queries.ts';
import { viewOpenConsultations } from '#lib/server/modules/consultations/index.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	// The first block: Law 52/2003 consultations open now, with their deadlines.
	consultations: (await viewOpenConsultations(locals.locale)).slice(0, 6),
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
