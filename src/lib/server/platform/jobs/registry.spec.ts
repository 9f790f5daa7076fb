import { describe, expect, it } from 'vitest';
import { enqueue, enqueueMany, jobsRunning, registerJob, registeredJobs, runJob } from './index.ts';

describe('the job registry (workers not started, as with JOBS=off)', () => {
	it('runs enqueued work in-process, so nothing is lost without workers', async () => {
		const seen: number[] = [];
		registerJob<{ n: number }>('unit.collect', async ({ n }) => {
			seen.push(n);
		});
		expect(jobsRunning()).toBe(false);
		expect(await enqueue('unit.collect', { n: 1 })).toBeNull();
		await enqueueMany('unit.collect', [{ n: 2 }, { n: 3 }]);
		await runJob('unit.collect', { n: 4 });
		expect(seen).toEqual([1, 2, 3, 4]);
	});

	it("passes a failing handler's error to the caller", async () => {
		registerJob('unit.fail', async () => {
			throw new Error('boom');
		});
		await expect(enqueue('unit.fail', {})).rejects.toThrow('boom');
	});

	it('refuses unknown jobs and badly named ones', async () => {
		await expect(enqueue('unit.unknown', {})).rejects.toThrow(/unknown job/);
		expect(() => registerJob('Bad Name', async () => {})).toThrow(/lower-case/);
	});

	it('keeps the schedule with the job', () => {
		registerJob('unit.nightly', async () => {}, { cron: '0 3 * * *' });
		expect(registeredJobs().find((j) => j.name === 'unit.nightly')?.options.cron).toBe('0 3 * * *');
	});
});
