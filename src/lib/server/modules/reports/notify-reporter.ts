/**
 * Tells the reporter (and the report's followers) about their report: in-app and by e-mail as their preferences say
 * when they have an account, by e-mail in the report's language when they only left an address. Call after COMMIT.
 */
import type { Db } from '../../platform/db/index.ts';
import { instantEmail } from '../../platform/notifications/emails.ts';
import { notifyFollowers } from '../../platform/notifications/follows.ts';
import { sendMail } from '../../platform/notifications/mailer.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { REPORT_RESOURCE } from './manifest.ts';

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
	{ followers = true, except = [] }: { followers?: boolean; except?: string[] } = {}
): Promise<void> {
	const link = reportPath(report.id);
	if (report.authorId && !except.includes(report.authorId)) {
		await notify(db, { userIds: [report.authorId], key, data, link });
	} else if (!report.authorId && report.contactEmail) {
		await sendMail(
			instantEmail(
				{ email: report.contactEmail, name: report.contactName ?? '', locale: report.locale },
				{ key, data, link }
			)
		);
	}
	if (followers) {
		const skip = [...except, ...(report.authorId ? [report.authorId] : [])];
		await notifyFollowers(db, { resourceType: REPORT_RESOURCE, resourceId: report.id }, key, data, link, {
			except: skip
		});
	}
}
