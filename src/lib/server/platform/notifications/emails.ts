/** The e-mails notifications produce: one per notification (instant) or one daily digest per person. */
import { m } from '#lib/paraglide/messages.js';
import type { MailMessage } from './mailer.ts';
import { absoluteUrl, localeOr, notificationText, settingsPath } from './render.ts';

export interface Recipient {
	email: string;
	name: string;
	locale: string;
}

export interface NotificationForEmail {
	key: string;
	data: Record<string, unknown>;
	link: string | null;
}

/** `s` on one line, cut to `max` characters with an ellipsis (e-mail subjects, digest lines). */
export const oneLine = (s: string, max: number) => {
	const flat = s.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function instantEmail(to: Recipient, n: NotificationForEmail): MailMessage {
	const locale = localeOr(to.locale);
	const text = notificationText(n.key, n.data, locale);
	return {
		to: to.email,
		subject: oneLine(text, 140),
		text: m.notifications_email_instant_body(
			{
				name: to.name,
				text,
				url: absoluteUrl(n.link ?? settingsPath, locale),
				settingsUrl: absoluteUrl(settingsPath, locale)
			},
			{ locale }
		)
	};
}

/** At most this many notifications are listed in one digest; the rest are a link away. */
export const DIGEST_MAX_ITEMS = 20;

export function digestEmail(to: Recipient, items: NotificationForEmail[]): MailMessage {
	const locale = localeOr(to.locale);
	const listed = items.slice(0, DIGEST_MAX_ITEMS).map((n) => {
		const line = `• ${oneLine(notificationText(n.key, n.data, locale), 300)}`;
		return n.link ? `${line}\n  ${absoluteUrl(n.link, locale)}` : line;
	});
	const settingsUrl = absoluteUrl(settingsPath, locale);
	const more =
		items.length > DIGEST_MAX_ITEMS
			? `\n\n${m.notifications_email_digest_more({ count: items.length - DIGEST_MAX_ITEMS, url: settingsUrl }, { locale })}`
			: '';
	return {
		to: to.email,
		subject: m.notifications_email_digest_subject({ count: items.length }, { locale }),
		text:
			`${m.notifications_email_digest_intro({ name: to.name }, { locale })}\n\n${listed.join('\n\n')}${more}\n\n` +
			m.notifications_email_footer({ url: settingsUrl }, { locale })
	};
}
