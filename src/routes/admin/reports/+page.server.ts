/** The department inbox: the reports a staff member handles, filtered, with bulk assignment and state changes. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { bulkUpdateReports, inbox, type BulkAction, type ReportState } from '#lib/server/modules/reports/index.ts';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const p = url.searchParams;
	const get = (k: string) => p.get(k) || undefined;
	return {
		...(await inbox(locals.actor, {
			department: get('department'),
			state: get('state'),
			category: get('category'),
			neighbourhood: get('neighbourhood'),
			assignee: get('assignee'),
			overdue: p.has('overdue'),
			hidden: p.has('hidden'),
			q: get('q'),
			page: Number(p.get('page')) || 1
		})),
		manage: canAdmin(locals.actor, 'reports.manage').allowed,
		bulkDone: p.has('done') ? { done: Number(p.get('done')), refused: Number(p.get('refused')) } : null
	};
};

export const actions = {
	bulk: async ({ request, locals }) => {
		const form = await request.formData();
		const ids = form.getAll('ids').map(String);
		const action: BulkAction =
			form.get('bulk') === 'state'
				? {
						kind: 'state',
						state: String(form.get('bulkState')) as ReportState,
						text: String(form.get('bulkText') ?? '')
					}
				: { kind: 'assign', assigneeId: String(form.get('bulkAssignee') ?? '') || null };
		const result = await bulkUpdateReports(locals.actor, ids, action);
		if (!result.ok) return fail(400, { errors: result.errors });
		return { bulkDone: { done: result.value.done, refused: result.value.refused.length } };
	}
} satisfies Actions;
