/** Atom feed of every consultation open now (GET /feeds/consultations.atom). */
import type { RequestHandler } from './$types';
import { ATOM_CONTENT_TYPE, atomFeed } from '#lib/server/platform/feeds/atom.ts';
import { viewOpenConsultations } from '#lib/server/modules/consultations/index.ts';
import { messageByKey } from '#lib/server/platform/i18n.ts';

export const GET: RequestHandler = async ({ url }) => {
	const items = await viewOpenConsultations('ro');
	const abs = (path: string) => new URL(path, url.origin).toString();
	const xml = atomFeed({
		id: abs('/feeds/consultations.atom'),
		title: messageByKey('consultations_feed_title', 'ro'),
		selfUrl: abs('/feeds/consultations.atom'),
		alternateUrl: abs('/consultations'),
		language: 'ro',
		author: messageByKey('site_name', 'ro'),
		entries: items.map((c) => ({
			id: abs(c.url),
			title: c.title.ro,
			updated: c.updatedAt,
			published: new Date(`${c.publishedOn}T00:00:00Z`),
			url: abs(c.url),
			summary: messageByKey('consultations_feed_entry_summary', 'ro', {
				published: c.publishedOn,
				close: c.recommendationsCloseOn
			}),
			category: 'consultations'
		}))
	});
	return new Response(xml, { headers: { 'content-type': ATOM_CONTENT_TYPE, 'cache-control': 'public, max-age=300' } });
};
