/**
 * Tells an idea's author about a decision, in the author's language: the outcome, the reason and, for a negative
 * decision, until when it can be appealed. Called after the decision's transaction has committed.
 */
import { locales } from '#lib/i18n/index.ts';
import { dateTimeFormat } from '#lib/i18n/format.ts';
import type { Db } from '../../platform/db/index.ts';
import { messageByKey } from '../../platform/i18n.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { appealsOpenAt, type Decision, type Project } from './queries.ts';
import { appealable, appealDeadline } from './rules.ts';

const inEveryLocale = (text: (locale: string) => string) =>
	Object.fromEntries(locales.map((l) => [l, text(l)])) as { ro: string };

export async function notifyAuthor(
	db: Db,
	project: Pick<Project, 'authorId' | 'code' | 'title'>,
	decision: Pick<Decision, 'kind' | 'outcome' | 'reason' | 'createdAt'>,
	{ link, appealDays, moduleId }: { link: string; appealDays: number; moduleId: string }
): Promise<void> {
	if (!project.authorId) return;
	const outcome = inEveryLocale((l) => messageByKey(`budgets_outcome_${decision.outcome}`, l));
	const data = { project: `${project.code} ${project.title}`, outcome, reason: decision.reason ?? '' };
	if (decision.kind === 'appeal_decision') {
		await notify(db, { userIds: [project.authorId], key: 'budgets_notification_appeal_decided', data, link });
		return;
	}
	if (!appealable(decision)) {
		await notify(db, { userIds: [project.authorId], key: 'budgets_notification_decision_positive', data, link });
		return;
	}
	const until = appealDeadline(decision.createdAt, appealDays, await appealsOpenAt(db, moduleId, decision.createdAt));
	const deadline = inEveryLocale((l) =>
		dateTimeFormat(l, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(until)
	);
	await notify(db, {
		userIds: [project.authorId],
		key: 'budgets_notification_decision',
		data: { ...data, deadline },
		link
	});
}
