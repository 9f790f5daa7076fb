/**
 * Tells the reporter (and the report's followers) about their report: in-app and by e-mail as their preferences say
 * when they have an account, by e-mail in the report's language when they only left an address. Call after COMMIT.
 * A reporter without an account cannot sign in to say "not fixed": the e-mail telling them it was fixed carries their
 * reopen link instead (reopen-key.ts).
 */
import { m } from '#lib/paraglide/messages.js';
import { dateTimeFormat } from '#lib/i18n/format.ts';
import type { Db } from '../../platform/db/index.ts';
import { instantEmail } from '../../platform/notifications/emails.ts';
import { notifyFollowers } from '../../platform/notifications/follows.ts';
import { sendMail, type MailMessage } from '../../platform/notifications/mailer.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { absoluteUrl, localeOr } from '../../platform/notifications/render.ts';
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
		const mail = instantEmail(
			{ email: report.contactEmail, name: report.contactName ?? '', locale: report.locale },
			{ key, data, link }
		);
		await sendMail(
			reopenUntil ? withReopenLink(mail, report.id, report.contactEmail, report.locale, reopenUntil) : mail
		);
	}
	if (followers) {
		const skip = [...except, ...(report.authorId ? [report.authorId] : [])];
		await notifyFollowers(db, { resourceType: REPORT_RESOURCE, resourceId: report.id }, key, data, link, {
			except: skip
		});
	}
}

/** The e-mail with a last paragraph: "Not fixed? Tell us by <date>: <the reopen page, with the key>". */
function withReopenLink(mail: MailMessage, reportId: string, email: string, locale: string, until: Date): MailMessage {
	const lang = localeOr(locale);
	const date = dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
		until
	);
	const url = absoluteUrl(reopenPath(reportId, reopenKey(reportId, email)), lang);
	return { ...mail, text: `${mail.text}\n\n${m.reports_email_reopen_link({ date, url }, { locale: lang })}` };
}
