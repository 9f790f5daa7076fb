/**
 * Wiring of every background job, outside platform/ so that modules and the spaces code can add theirs without the
 * platform importing them. hooks.server.ts passes `registerAppJobs` to the platform's `startPlatform`.
 *
 * To add a job: `registerJob('area.what', handler, { cron: '* * * * *' })` below (cron in Europe/Bucharest time).
 * The phase clock (`spaces.phase-clock`, every minute, singleton) is registered below.
 */
import { registerJob } from './platform/jobs/index.ts';
import { registerPlatformJobs } from './platform/jobs/platform-jobs.ts';
import { getDb } from './platform/db/index.ts';
import { reindex } from './platform/search/index-documents.ts';
import { spaceSearchSources } from './spaces-runtime/search.ts';
import { advancePhaseClocks, PHASE_CLOCK_JOB } from './spaces-runtime/phase-clock.ts';
import { announceDueNews, NEWS_ANNOUNCE_JOB } from './modules/news/index.ts';
import { REMINDER_JOB, sendMeetingReminders } from './modules/meetings/index.ts';
import { REPORTS_REMINDER_JOB, sendReportReminders } from './modules/reports/index.ts';

let registered = false;

export function registerAppJobs(): void {
	if (registered) return;
	registered = true;
	registerPlatformJobs();
	// Rebuilds the search index from processes and every module's search sources each night (commands index as they
	// write; this repairs anything missed, e.g. after a restore).
	registerJob(
		'search.reindex',
		async () => {
			const db = await getDb();
			await reindex(db, await spaceSearchSources(db));
		},
		{ cron: '40 3 * * *', policy: 'singleton', retryLimit: 1 }
	);
	// The current phase follows the calendar; this notices each change once (module hooks, followers' notices).
	registerJob(
		PHASE_CLOCK_JOB,
		async () => {
			await advancePhaseClocks(await getDb(), new Date());
		},
		{ cron: '* * * * *', policy: 'singleton', retryLimit: 0 }
	);
	// Scheduled announcements go public by themselves (the list filters by time); this tells followers once they do.
	registerJob(
		NEWS_ANNOUNCE_JOB,
		async () => {
			await announceDueNews(await getDb());
		},
		{ cron: '* * * * *', policy: 'singleton', retryLimit: 0 }
	);
	// Registered people hear about a meeting the day before; each registration is claimed once, so reruns are harmless.
	registerJob(
		REMINDER_JOB,
		async () => {
			await sendMeetingReminders(await getDb());
		},
		{ cron: '5 * * * *', policy: 'singleton', retryLimit: 2 }
	);
	// Reports near or past their legal answer date remind the assignee and the department heads, once per kind and date.
	registerJob(
		REPORTS_REMINDER_JOB,
		async () => {
			await sendReportReminders(await getDb());
		},
		{ cron: '30 7 * * *', policy: 'singleton', retryLimit: 2 }
	);
}
