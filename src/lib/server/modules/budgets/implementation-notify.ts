/** Tells a funded project's followers, each in their own language, that its implementation moved on. */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { locales } from '#lib/i18n/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { messageByKey } from '../../platform/i18n.ts';
import { logger } from '../../platform/log.ts';
import { notifyFollowers } from '../../platform/notifications/follows.ts';
import { PROJECT_RESOURCE, type ImplementationStatus } from './implementation.ts';
import { implementationUrl, type Project } from './implementation-queries.ts';

/** The status name in every locale, so each follower reads it in their own language. */
const statusInEveryLocale = (status: ImplementationStatus) =>
	Object.fromEntries(locales.map((l) => [l, messageByKey(`budgets_impl_status_${status}`, l)])) as Translated;

/** After COMMIT only; a failed e-mail never undoes the entry (it is logged). */
export async function notifyProgress(
	db: Db,
	actor: Actor,
	spaceSlug: string,
	project: Project,
	status: ImplementationStatus
) {
	await notifyFollowers(
		db,
		{ resourceType: PROJECT_RESOURCE, resourceId: project.id },
		'budgets_impl_notification_progress',
		{ project: project.title, status: statusInEveryLocale(status) },
		implementationUrl(spaceSlug, project.moduleId, project.id),
		{ except: actor.kind === 'user' ? [actor.id] : [] }
	).catch((err) => logger().error({ err, projectId: project.id }, 'budgets: progress not notified'));
}
