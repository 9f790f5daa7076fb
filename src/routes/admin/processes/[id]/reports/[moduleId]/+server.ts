/** The reports module's back office is the department inbox at /admin/reports. */
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const GET: RequestHandler = ({ locals }) => redirect(307, localizedPath('/admin/reports', locals.locale));
