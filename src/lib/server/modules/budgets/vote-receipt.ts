/**
 * Sends the voter their receipt by e-mail and, with a confirmed phone, by SMS — after COMMIT, never inside the
 * transaction. Delivered directly, not through the job queue, so the code never rests in a database table (with a
 * real mailer and gateway). A failed message never undoes the vote: the receipt is on screen too.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { absoluteUrl } from '../../platform/notifications/render.ts';
import type { Db } from '../../platform/db/index.ts';
import { verifications } from '../../platform/db/schema.ts';
import { messageByKey } from '../../platform/i18n.ts';
import { logger } from '../../platform/log.ts';
import { deliverMail } from '../../platform/notifications/mailer.ts';
import { sendSms } from '../../platform/notifications/sms.ts';

export interface ReceiptMessage {
	userId: string;
	email: string;
	locale: string;
	edition: string;
	/** Formatted receipt code (groups of four). */
	receipt: string;
	/** One line per chosen project: `Z1-03 Title`. */
	lines: string[];
	/** Path of the vote page (`/processes/…/budgets/…/vote`). */
	votePath: string;
	changeAllowed: boolean;
}

export async function sendVoteReceipt(db: Db, r: ReceiptMessage) {
	const change = r.changeAllowed
		? messageByKey('budgets_vote_receipt_mail_change', r.locale, {
				url: `${absoluteUrl(`${r.votePath}/change`, r.locale)}?receipt=${r.receipt}`
			})
		: '';
	// The e-mail and the SMS go out side by side: the voter's answer waits for the slower one, not for both.
	const mail = async () => {
		try {
			await deliverMail({
				to: r.email,
				subject: messageByKey('budgets_vote_receipt_mail_subject', r.locale, { edition: r.edition }),
				text: [
					messageByKey('budgets_vote_receipt_mail_intro', r.locale, { edition: r.edition, receipt: r.receipt }),
					r.lines.map((l) => `- ${l}`).join('\n'),
					messageByKey('budgets_vote_receipt_mail_check', r.locale),
					change
				]
					.filter(Boolean)
					.join('\n\n')
			});
		} catch (err) {
			logger().warn({ err: String(err) }, 'could not e-mail a vote receipt');
		}
	};
	const sms = async () => {
		try {
			const [phone] = await db
				.select({ detail: verifications.detail })
				.from(verifications)
				.where(
					and(eq(verifications.userId, r.userId), eq(verifications.kind, 'phone'), isNull(verifications.revokedAt))
				);
			if (phone?.detail)
				await sendSms({
					to: phone.detail,
					text: messageByKey('budgets_vote_receipt_sms', r.locale, { edition: r.edition, receipt: r.receipt })
				});
		} catch (err) {
			logger().warn({ err: String(err) }, 'could not send a vote receipt by SMS');
		}
	};
	await Promise.all([mail(), sms()]);
}
