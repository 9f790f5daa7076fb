/**
 * Tells area subscribers about a new report: one e-mail per matching subscription (a person with two overlapping
 * areas gets one), in their language, linking to the report. Called by `createReport` after COMMIT; a failure here
 * is logged and never undoes the report.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { user } from '../../platform/db/schema.ts';
import { logger } from '../../platform/log.ts';
import { instantEmail } from '../../platform/notifications/emails.ts';
import { sendMails } from '../../platform/notifications/mailer.ts';
import { absoluteUrl, localeOr } from '../../platform/notifications/render.ts';
import { m } from '#lib/paraglide/messages.js';
import { reportPath } from './notify-reporter.ts';
import { areaName, subscriptionsMatching } from './subscriptions.ts';

/** Where a person manages (and ends) their area subscriptions. */
export const SUBSCRIPTIONS_PATH = '/reports/subscriptions';

export const NEW_REPORT_IN_AREA = 'reports_insights_notification_new_in_area';

export interface NewReportForSubscribers {
	id: string;
	moduleId: string;
	title: string;
	registrationNumber: string;
	neighbourhoodId: string | null;
	lat: number | null;
	lng: number | null;
	authorId: string | null;
	hiddenAt?: Date | null;
}

export async function notifyAreaSubscribers(db: Db, report: NewReportForSubscribers): Promise<number> {
	try {
		if (report.hiddenAt) return 0;
		const matches = await subscriptionsMatching(db, report);
		const byUser = new Map(matches.map((m) => [m.subscription.userId!, m]));
		if (!byUser.size) return 0;
		const people = await db
			.select({ id: user.id, email: user.email, name: user.name, locale: user.locale, verified: user.emailVerified })
			.from(user)
			.where(and(inArray(user.id, [...byUser.keys()]), isNull(user.deletedAt)));
		const mails = people
			.filter((p) => p.verified)
			.map((p) => {
				const { subscription, neighbourhoodName } = byUser.get(p.id)!;
				const mail = instantEmail(p, {
					key: NEW_REPORT_IN_AREA,
					data: {
						number: report.registrationNumber,
						title: report.title,
						area: areaName(subscription, neighbourhoodName)
					},
					link: reportPath(report.id)
				});
				const url = absoluteUrl(SUBSCRIPTIONS_PATH, p.locale);
				const unsubscribe = m.reports_insights_email_unsubscribe({ url }, { locale: localeOr(p.locale) });
				return { ...mail, text: `${mail.text}\n\n${unsubscribe}` };
			});
		await sendMails(mails);
		return mails.length;
	} catch (error) {
		logger().error({ err: error, reportId: report.id }, 'reports: area subscribers not notified');
		return 0;
	}
}
