/**
 * The mailer interface. SMTP (nodemailer) when SMTP_URL is set; otherwise the development mailer, which records
 * every message in the `outbox` table where tests and (in demo mode) administrators can read it.
 */
import { config } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { outbox } from '../db/schema.ts';
import { logger } from '../log.ts';

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

export async function sendMail(message: MailMessage): Promise<void> {
	await (await getMailer()).send(message);
}
