/** The audit log: every staff action, filterable by actor, action, resource and dates. */
import type { PageServerLoad } from './$types';
import { listAuditEntries } from '#lib/server/platform/audit/queries.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (k: string) => url.searchParams.get(k) ?? '';
	const filter = {
		actor: q('actor'),
		action: q('action'),
		resourceType: q('resourceType'),
		resourceId: q('resourceId'),
		from: q('from'),
		to: q('to')
	};
	return { filter, ...(await listAuditEntries(locals.actor, { ...filter, page: Number(q('page')) || 1 })) };
};
