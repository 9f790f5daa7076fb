import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { createPerson } from '../../../../../tests/medium/support/people.ts';
import { enqueue, jobQueue, jobsRunning, registerJob, startJobs, stopJobs } from './index.ts';
import { DIGEST_JOB, registerPlatformJobs } from './platform-jobs.ts';
import { EMAIL_JOB, sendMail } from '../notifications/mailer.ts';
import { listOutbox } from '../notifications/outbox.ts';
import { notify } from '../notifications/notify.ts';
import { runJob } from './index.ts';

const database = useTestDatabase();

const received: { data: { n: number }; id: string | null }[] = [];
let failuresLeft = 1;
const attempts: number[] = [];

registerPlatformJobs();
registerJob<{ n: number }>('test.record', async (data, meta) => {
	received.push({ data, id: meta.id });
});
registerJob<{ n: number }>(
	'test.flaky',
	async (_data, meta) => {
		attempts.push(meta.retryCount);
		if (failuresLeft-- > 0) throw new Error('first attempt fails');
	},
	{ retryLimit: 2, retryDelay: 1, pollingIntervalSeconds: 0.5 }
);

async function until<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
	const end = Date.now() + ms;
	for (;;) {
		const v = await probe();
		if (ok(v) || Date.now() > end) return v;
		await new Promise((r) => setTimeout(r, 200));
	}
}

describe('background jobs on pg-boss', () => {
	beforeAll(async () => {
		await startJobs(database(), { force: true });
	}, 120_000);
	afterAll(async () => {
		await stopJobs();
	});

	it('processes an enqueued job in the background, on the same database', async () => {
		expect(jobsRunning()).toBe(true);
		const id = await enqueue('test.record', { n: 42 });
		expect(id).toEqual(expect.any(String));
		const got = await until(
			() => received,
			(r) => r.length > 0
		);
		expect(got).toEqual([{ data: { n: 42 }, id }]);
		const job = await until(
			() => jobQueue()!.findJobs('test.record', { id: id! }),
			(j) => j[0]?.state === 'completed'
		);
		expect(job[0].state).toBe('completed');
	});

	it('retries a failed job', async () => {
		await enqueue('test.flaky', { n: 1 });
		const tries = await until(
			() => attempts,
			(a) => a.length >= 2
		);
		expect(tries.slice(0, 2)).toEqual([0, 1]);
	});

	it('sends e-mail through the email.send queue when jobs run', async () => {
		const { db } = database();
		await sendMail({ to: 'queued@example.test', subject: 'Queued', text: 'through pg-boss' });
		// Queued, not yet written by this request: the worker records it shortly after.
		const jobs = await jobQueue()!.findJobs(EMAIL_JOB, { data: { to: 'queued@example.test' } });
		expect(jobs).toHaveLength(1);
		const mails = await until(
			() => listOutbox({ to: 'queued@example.test' }),
			(l) => l.length > 0
		);
		expect(mails.map((m) => m.subject)).toEqual(['Queued']);
		// Notifications' instant e-mails take the same road (one queue insert for all recipients).
		const p = await createPerson(db, { email: 'follower@example.test' });
		await notify(db, { userIds: [p.id], key: 'notifications_resource_updated', data: { title: 'Parcul' } });
		const mail = await until(
			() => listOutbox({ to: 'follower@example.test' }),
			(l) => l.length > 0
		);
		expect(mail[0].subject).toBe('„Parcul” a fost actualizat.');
	});

	it('schedules the digest for 07:00 in Timișoara', async () => {
		const schedule = await jobQueue()!.getSchedule(DIGEST_JOB);
		expect(schedule).toMatchObject({ cron: '0 7 * * *', timezone: 'Europe/Bucharest' });
		const rows = await database().db.execute(sql`SELECT 1 FROM pgboss.queue WHERE name = ${DIGEST_JOB}`);
		expect((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).length).toBe(1);
	});

	it('runs a handler directly (as tests and JOBS=off do)', async () => {
		const { db } = database();
		const p = await createPerson(db, { email: 'digest@example.test', emailMode: 'digest' });
		await notify(db, { userIds: [p.id], key: 'notifications_resource_updated', data: { title: 'Piața' } });
		await runJob(DIGEST_JOB, {});
		const mail = await until(
			() => listOutbox({ to: 'digest@example.test' }),
			(l) => l.length > 0
		);
		expect(mail[0].text).toContain('Piața');
	});
});
