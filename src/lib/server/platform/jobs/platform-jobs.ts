/** The platform's own background jobs: e-mail delivery, the daily notification digest, and maintenance. */
import { getDb } from '../db/index.ts';
import { pruneRateLimits } from '../http/rate-limit.ts';
import { logger } from '../log.ts';
import { deliverMail, EMAIL_JOB, type MailMessage } from '../notifications/mailer.ts';
import { sendDigest } from '../notifications/commands/send-digest.ts';
import { registerJob } from './index.ts';

export const DIGEST_JOB = 'notifications.digest';
export const MAINTENANCE_JOB = 'platform.maintenance';

export function registerPlatformJobs(): void {
	registerJob<MailMessage>(
		EMAIL_JOB,
		async (message, meta) => {
			try {
				await deliverMail(message);
			} catch (err) {
				logger().warn({ err, to: message.to, attempt: meta.retryCount + 1 }, 'e-mail delivery failed; will retry');
				throw err;
			}
		},
		// About 30 s, 1 min, 2 min … up to an hour between attempts: rides out an SMTP outage of most of a day.
		{
			retryLimit: 12,
			retryDelay: 30,
			retryBackoff: true,
			retryDelayMax: 3600,
			pollingIntervalSeconds: 1,
			concurrency: 2
		}
	);
	registerJob(
		DIGEST_JOB,
		async () => {
			const sent = await sendDigest(await getDb());
			logger().info(sent, 'notification digest sent');
		},
		{ cron: '0 7 * * *', policy: 'singleton', retryLimit: 3, retryDelay: 300 }
	);
	registerJob(
		MAINTENANCE_JOB,
		async () => {
			await pruneRateLimits();
		},
		{ cron: '17 * * * *', policy: 'singleton', retryLimit: 1 }
	);
}
