/**
 * Tells the reporter (and the report's followers) about their report: in-app and by e-mail as their preferences say
 * when they have an account, by e-mail in the report's language when they only left an address. Call after COMMIT.
 * A reporter without an account cannot sign in to say "not fixed": the e-mail telling them it was fixed carries their
 * reopen link instead (reopen-key.ts).
 */
import { m } from '#lib/paraglide/messages.js';
import { dateTimeFormat } from '#lib/i18n/format.ts';
import type { Db } from '../../platform/db/index.ts';
import { oneLine } from '../../platform/notifications/emails.ts';
import { notifyFollowers } from '../../platform/notifications/follows.ts';
import { sendMail, type MailMessage } from '../../platform/notifications/mailer.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { absoluteUrl, localeOr, notificationText } from '../../platform/notifications/render.ts';
import { REPORT_RESOURCE } from './manifest.ts';
import { reopenKey, reopenPath } from './reopen-key.ts';

export interface ReporterOfReport {
	id: string;
	authorId: string | null;
	contactEmail: string | null;
	contactName: string | null;
	locale: string;
}

/** The report's public page (site path, no locale prefix). */
export const reportPath = (reportId: string) => `/reports/${reportId}`;

export async function notifyReporter(
	db: Db,
	report: ReporterOfReport,
	key: string,
	data: Record<string, unknown>,
	{
		followers = true,
		except = [],
		reopenUntil
	}: {
		followers?: boolean;
		except?: string[];
		/** The report was just marked fixed and its reporter may say "not fixed" until then. */
		reopenUntil?: Date;
	} = {}
): Promise<void> {
	const link = reportPath(report.id);
	if (report.authorId && !except.includes(report.authorId)) {
		await notify(db, { userIds: [report.authorId], key, data, link });
	} else if (!report.authorId && report.contactEmail) {
		await sendMail(
			reporterEmail(report, report.contactEmail, notificationText(key, data, localeOr(report.locale)), reopenUntil)
		);
	}
	if (followers) {
		const skip = [...except, ...(report.authorId ? [report.authorId] : [])];
		await notifyFollowers(db, { resourceType: REPORT_RESOURCE, resourceId: report.id }, key, data, link, {
			except: skip
		});
	}
}

/**
 * The e-mail to a reporter who only left an address: the news, the report's page and, when it was just fixed, "Not
 * fixed? Tell us by <date>: <the reopen page, with the key>". Unlike a follower's e-mail it offers no notification
 * settings (there is no account to set) and says why the address is written to.
 */
function reporterEmail(report: ReporterOfReport, email: string, text: string, reopenUntil?: Date): MailMessage {
	const locale = localeOr(report.locale);
	const name = report.contactName?.trim();
	const paragraphs = [
		name
			? m.reports_email_reporter_greeting({ name }, { locale })
			: m.reports_email_reporter_greeting_anonymous({}, { locale }),
		text,
		m.reports_email_reporter_link({ url: absoluteUrl(reportPath(report.id), locale) }, { locale })
	];
	if (reopenUntil) {
		const date = dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
			reopenUntil
		);
		const url = absoluteUrl(reopenPath(report.id, reopenKey(report.id, email)), locale);
		paragraphs.push(m.reports_email_reopen_link({ date, url }, { locale }));
	}
	paragraphs.push(m.reports_email_reporter_footer({}, { locale }));
	return { to: email, subject: oneLine(text, 140), text: paragraphs.join('\n\n') };
}
