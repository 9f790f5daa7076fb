/** The reports module mounted in a space is the city's one: its public pages live at /reports. */
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const GET: RequestHandler = ({ locals }) => redirect(308, localizedPath('/reports', locals.locale));
