/**
 * GET /me/without-javascript?to=<path>: forgets that this browser runs JavaScript (the `vocea_js` cookie), so that
 * its next pages are rendered in full for the person (ADR 0007), and returns to the page. Linked from a <noscript>
 * notice on pages served shared.
 */
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { JS_COOKIE } from '#lib/personal.ts';

export const GET: RequestHandler = ({ cookies, url }) => {
	cookies.delete(JS_COOKIE, { path: '/' });
	const to = url.searchParams.get('to') ?? '/';
	// Only a path on this site (not //host or a scheme): this must not become an open redirect.
	redirect(303, to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') ? to : '/');
};
