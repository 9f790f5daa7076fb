/** Messages to people about meetings, sent after the change that caused them has committed; failures are logged. */
import { m } from '#lib/paraglide/messages.js';
import { translate } from '#lib/i18n/index.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { user } from '../../platform/db/schema.ts';
import { logger } from '../../platform/log.ts';
import { sendMail } from '../../platform/notifications/mailer.ts';
import { absoluteUrl, localeOr } from '../../platform/notifications/render.ts';
import type { Meeting } from './queries.ts';

export function formatWhen(meeting: Pick<Meeting, 'startsAt' | 'endsAt'>, locale: string): string {
	const format = new Intl.DateTimeFormat(locale === 'sr' ? 'sr-Latn' : locale, {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone: 'Europe/Bucharest'
	});
	return format.formatRange(meeting.startsAt, meeting.endsAt);
}

/** The registration confirmation: code, date, place, the meeting page and its calendar file. */
export async function sendRegistrationConfirmation(
	db: Db,
	{
		userId,
		meeting,
		url,
		icsUrl,
		code,
		waiting
	}: { userId: string; meeting: Meeting; url: string; icsUrl: string; code: string; waiting: boolean }
): Promise<void> {
	try {
		const [person] = await db
			.select({ email: user.email, name: user.name, locale: user.locale })
			.from(user)
			.where(eq(user.id, userId));
		if (!person) return;
		const locale = localeOr(person.locale);
		const params = {
			name: person.name,
			meeting: translate(meeting.title, locale).text,
			when: formatWhen(meeting, locale),
			place: meeting.address ?? meeting.onlineUrl ?? '',
			code,
			url: absoluteUrl(url, locale),
			icsUrl: absoluteUrl(icsUrl, 'ro')
		};
		await sendMail({
			to: person.email,
			subject: waiting
				? m.meetings_email_waiting_subject(params, { locale })
				: m.meetings_email_registered_subject(params, { locale }),
			text: waiting
				? m.meetings_email_waiting_body(params, { locale })
				: m.meetings_email_registered_body(params, { locale })
		});
	} catch (err) {
		logger().error({ err, meetingId: meeting.id, userId }, 'meetings: confirmation not sent');
	}
}

export async function safely(what: string, data: Record<string, unknown>, send: () => Promise<unknown>): Promise<void> {
	try {
		await send();
	} catch (err) {
		logger().error({ err, ...data }, `meetings: ${what} not sent`);
	}
}
