/** Admin: the annual Law 52/2003 report starts at the previous year's (the one due now). */
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { todayInBucharest } from '#lib/server/platform/calendar/index.ts';

export const load: PageServerLoad = ({ locals }) => {
	const year = Number(todayInBucharest().slice(0, 4)) - 1;
	redirect(303, localizedPath(`/admin/transparency/${year}`, locals.locale));
};
