/**
 * The Atom feeds of reports: the city's (`/feeds/reports.atom`, optionally of one neighbourhood) and one per area
 * subscription (`/feeds/reports/area/<token>.atom`). Only public reports (never hidden ones), no personal data.
 */
import { eq, or } from 'drizzle-orm';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoods } from '../../platform/db/schema.ts';
import { atomFeed } from '../../platform/feeds/atom.ts';
import { messageByKey } from '../../platform/i18n.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { translate } from '#lib/i18n/index.ts';
import { canReports, cityReportsModule } from './context.ts';
import { reportPath } from './notify-reporter.ts';
import { registrationNumber } from './rules.ts';
import { areaName, latestPublicReports, reportsInArea, subscriptionByToken, type AreaReport } from './subscriptions.ts';

const stateKey = (state: string) => `reports_insights_state_${state}`;

function entries(reports: AreaReport[], prefix: string, abs: (p: string) => string, locale: string) {
	return reports.map((r) => {
		const number = registrationNumber(prefix, r.number, r.createdAt);
		return {
			id: abs(reportPath(r.id)),
			title: `${number} ${r.title}`,
			updated: r.updatedAt,
			published: r.createdAt,
			url: abs(reportPath(r.id)),
			summary: [
				translate(r.categoryName, locale).text,
				messageByKey(stateKey(r.state), locale),
				r.address,
				r.description
			]
				.filter(Boolean)
				.join(' — '),
			category: 'reports'
		};
	});
}

/** The city's feed, or one neighbourhood's (by slug or id); 404 for an unknown neighbourhood. */
export async function cityReportsFeed(origin: string, neighbourhood: string | null, locale = 'ro'): Promise<string> {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(anonymous(), 'read', ctx));
	const abs = (p: string) => new URL(p, origin).toString();
	let hood: { id: string; name: Translated } | undefined;
	if (neighbourhood) {
		[hood] = await db
			.select({ id: neighbourhoods.id, name: neighbourhoods.name })
			.from(neighbourhoods)
			.where(or(eq(neighbourhoods.slug, neighbourhood), eq(neighbourhoods.id, neighbourhood)));
		if (!hood) throw new NotFoundError('neighbourhood');
	}
	const reports = await latestPublicReports(db, ctx.module.id, { neighbourhoodIds: hood ? [hood.id] : undefined });
	const self = `/feeds/reports.atom${neighbourhood ? `?neighbourhood=${encodeURIComponent(neighbourhood)}` : ''}`;
	return atomFeed({
		id: abs(self),
		title: hood
			? messageByKey('reports_insights_feed_title_neighbourhood', locale, {
					neighbourhood: translate(hood.name, locale).text
				})
			: messageByKey('reports_insights_feed_title', locale),
		selfUrl: abs(self),
		alternateUrl: abs('/reports'),
		language: locale,
		author: messageByKey('site_name', locale),
		entries: entries(reports, ctx.settings.numberPrefix, abs, locale)
	});
}

/** The feed of one area subscription, addressed by its secret token; 404 for an unknown token. */
export async function subscriptionFeed(origin: string, token: string, locale = 'ro'): Promise<string> {
	const db = await getDb();
	const found = await subscriptionByToken(db, token);
	if (!found) throw new NotFoundError('subscription');
	const { ctx } = await cityReportsModule(db);
	if (ctx.module.id !== found.subscription.moduleId) throw new NotFoundError('subscription');
	authorize(canReports(anonymous(), 'read', ctx));
	const abs = (p: string) => new URL(p, origin).toString();
	const self = `/feeds/reports/area/${token}.atom`;
	const area = translate(areaName(found.subscription, found.neighbourhoodName), locale).text;
	return atomFeed({
		id: `urn:vocea:reports-subscription:${found.subscription.id}`,
		title: messageByKey('reports_insights_feed_title_area', locale, { area }),
		selfUrl: abs(self),
		alternateUrl: abs('/reports'),
		language: locale,
		author: messageByKey('site_name', locale),
		entries: entries(await reportsInArea(db, found.subscription), ctx.settings.numberPrefix, abs, locale)
	});
}
