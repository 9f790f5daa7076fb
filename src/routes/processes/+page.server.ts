/** Public: the published participatory processes, each with its current phase. */
import type { PageServerLoad } from './$types';
import { listPublishedProcesses } from '#lib/server/platform/spaces/queries.ts';

export const load: PageServerLoad = async () => ({
	processes: (await listPublishedProcesses()).map(({ space, timeline }) => ({
		id: space.id,
		slug: space.slug,
		title: space.title,
		summary: space.summary,
		coverFileId: space.coverFileId,
		current: timeline.current && { title: timeline.current.title, endsOn: timeline.current.endsOn },
		next: timeline.next && { title: timeline.next.title, startsOn: timeline.next.startsOn },
		ended: !timeline.current && !timeline.next && timeline.phases.length > 0
	}))
});
