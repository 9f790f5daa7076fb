/**
 * The SMS-gateway interface. SMS_GATEWAY unset or `outbox`: the development gateway records every message in the
 * `outbox` table (channel 'sms'), where tests and, in demo mode, administrators read it. SMS_GATEWAY=https://…:
 * each message is POSTed as JSON `{ "to": "+40…", "text": "…" }` with `Authorization: Bearer $SMS_GATEWAY_TOKEN`,
 * the shape most providers' webhooks (or a small adapter in front of them) accept.
 */
import { config } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { outbox } from '../db/schema.ts';
import { logger } from '../log.ts';

export interface SmsMessage {
	/** E.164, e.g. +40722123456 */
	to: string;
	text: string;
}

export interface SmsGateway {
	send(message: SmsMessage): Promise<void>;
}

const outboxGateway: SmsGateway = {
	async send(message) {
		const db = await getDb();
		await db.insert(outbox).values({ channel: 'sms', to: message.to, text: message.text });
		logger().info({ to: message.to }, 'SMS recorded in the development outbox');
	}
};

function httpGateway(url: string): SmsGateway {
	return {
		async send(message) {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(process.env.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${process.env.SMS_GATEWAY_TOKEN}` } : {})
				},
				body: JSON.stringify(message),
				signal: AbortSignal.timeout(10_000)
			});
			if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
		}
	};
}

export function getSmsGateway(): SmsGateway {
	const setting = config.smsGateway();
	return /^https?:\/\//.test(setting) ? httpGateway(setting) : outboxGateway;
}

export async function sendSms(message: SmsMessage): Promise<void> {
	await getSmsGateway().send(message);
}
