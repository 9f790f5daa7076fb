/**
 * The mailer interface. SMTP (nodemailer) when SMTP_URL is set; otherwise the development mailer, which records
 * every message in the `outbox` table where tests and (in demo mode) administrators can read it.
 * `sendMail` queues the message on the `email.send` job when background jobs run (retried with backoff if the SMTP
 * server is away), and delivers it in the request otherwise.
 */
import { config } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { outbox } from '../db/schema.ts';
import { enqueue, enqueueMany, isJobRegistered, jobsRunning } from '../jobs/index.ts';
import { logger } from '../log.ts';

/** The queue that delivers e-mail in the background (registered by `registerPlatformJobs`). */
export const EMAIL_JOB = 'email.send';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
}

export interface Mailer {
	send(message: MailMessage): Promise<void>;
}

const outboxMailer: Mailer = {
	async send(message) {
		const db = await getDb();
		await db.insert(outbox).values({
			channel: 'email',
			to: message.to.toLowerCase(),
			subject: message.subject,
			text: message.text,
			html: message.html ?? null
		});
		logger().info({ to: message.to, subject: message.subject }, 'mail recorded in the development outbox');
	}
};

let smtp: Mailer | undefined;
async function smtpMailer(url: string): Promise<Mailer> {
	if (smtp) return smtp;
	const { createTransport } = await import('nodemailer');
	const transport = createTransport(url);
	smtp = {
		async send(message) {
			await transport.sendMail({ from: config.mailFrom(), ...message });
		}
	};
	return smtp;
}

export async function getMailer(): Promise<Mailer> {
	const url = config.smtpUrl();
	return url ? smtpMailer(url) : outboxMailer;
}

/** Hands the message to the mailer now (the `email.send` job calls this; so does `sendMail` without jobs). */
export async function deliverMail(message: MailMessage): Promise<void> {
	await (await getMailer()).send(message);
}

const queued = () => jobsRunning() && isJobRegistered(EMAIL_JOB);

/** Sends an e-mail: queued for background delivery when jobs run, delivered right away otherwise. */
export async function sendMail(message: MailMessage): Promise<void> {
	if (queued()) {
		try {
			await enqueue(EMAIL_JOB, message);
			return;
		} catch (err) {
			// The queue is in the same database; if it refuses the job, delivering now beats losing the message.
			logger().warn({ err, to: message.to }, 'could not queue e-mail; delivering it now');
		}
	}
	await deliverMail(message);
}

/** Sends several e-mails (one per recipient) with one queue insert when jobs run. */
export async function sendMails(messages: MailMessage[]): Promise<void> {
	if (!messages.length) return;
	if (queued()) {
		try {
			await enqueueMany(EMAIL_JOB, messages);
			return;
		} catch (err) {
			logger().warn({ err, count: messages.length }, 'could not queue e-mails; delivering them now');
		}
	}
	for (const message of messages) await deliverMail(message);
}
