/**
 * The `budgets` module manifest: a participatory-budgeting edition — zones with pots, ideas checked for eligibility
 * and evaluated, appeals, one secret ballot per person on every channel, results counted by the PB engine
 * (`packages/pb`) and published for anyone to re-count, and implementation tracking of funded projects.
 * Registers projects as followable, commentable and as users of files at import time.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { registerCommentable } from '../../platform/comments/commentables.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { defineModule } from '../../platform/modules/define-module.ts';
import { inRange } from '../../platform/modules/stats.ts';
import { registerFollowable } from '../../platform/notifications/follows.ts';
import { evaluationsExport, projectsExport } from './exports.ts';
import { resultsExports } from './exports-results.ts';
import { budgetsActions, budgetsPermissions } from './permissions.ts';
import { onBallot, PROJECT_RESOURCE } from './queries.ts';
import { commentableProject, followableProject, projectFileUses } from './resolvers.ts';
import { budgetsAppeals, budgetsDecisions, budgetsProgress, budgetsProjects } from './schema.ts';
import { projectDocuments } from './search.ts';
import { budgetsGlobalSettings, budgetsPhaseSettings } from './settings.ts';
import { anonymizeVoting, votersStat, votingDataOf } from './voting-personal-data.ts';
// Implementation tracking registers its chain steps and timeline photos at import time.
import './implementation-register.ts';

export const budgets = defineModule({
	name: 'budgets',
	titleKey: 'budgets_module_name',
	settings: { global: budgetsGlobalSettings, phase: budgetsPhaseSettings },
	actions: budgetsActions,
	defaultVerification: { read: null, submit: 'phone', appeal: null, vote: null, comment: 'email' },
	permissions: budgetsPermissions,
	resources: [{ name: PROJECT_RESOURCE, linkable: true }],
	exports: [projectsExport, evaluationsExport, ...resultsExports],
	stats: [
		{
			key: 'budgets_ideas',
			primary: true,
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: count() })
					.from(budgetsProjects)
					.where(and(inArray(budgetsProjects.moduleId, moduleIds), ...inRange(budgetsProjects.createdAt, range)));
				return row?.n ?? 0;
			}
		},
		{
			key: 'budgets_on_ballot',
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: count() })
					.from(budgetsProjects)
					.where(
						and(inArray(budgetsProjects.moduleId, moduleIds), onBallot(), ...inRange(budgetsProjects.createdAt, range))
					);
				return row?.n ?? 0;
			}
		},
		votersStat
	],
	search: [{ resource: PROJECT_RESOURCE, documents: projectDocuments }],
	notifications: [
		{ key: 'budgets_notification_decision', recipients: 'author' },
		{ key: 'budgets_notification_decision_positive', recipients: 'author' },
		{ key: 'budgets_notification_appeal_decided', recipients: 'author' },
		{ key: 'budgets_impl_notification_progress', recipients: 'followers' }
	],
	personalData: {
		async exportFor(db, userId) {
			const [ideas, appeals, voting] = await Promise.all([
				db.select().from(budgetsProjects).where(eq(budgetsProjects.authorId, userId)),
				db
					.select({ appeal: budgetsAppeals, code: budgetsProjects.code })
					.from(budgetsAppeals)
					.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsAppeals.projectId))
					.where(eq(budgetsAppeals.authorId, userId)),
				votingDataOf(db, userId)
			]);
			return {
				...voting,
				budgets_ideas: ideas.map((p) => ({
					code: p.code,
					title: p.title,
					body: p.body,
					author_kind: p.authorKind,
					estimated_cost_lei: p.estimatedCost,
					address: p.address,
					latitude: p.latitude,
					longitude: p.longitude,
					withdrawn_at: p.withdrawnAt?.toISOString() ?? null,
					created_at: p.createdAt.toISOString()
				})),
				budgets_appeals: appeals.map(({ appeal, code }) => ({
					project: code,
					text: appeal.text,
					status: appeal.status,
					decision_reason: appeal.decisionReason,
					created_at: appeal.createdAt.toISOString()
				}))
			};
		},
		async anonymize(db, userId) {
			// Ideas and appeals stay (by "deleted account"), so the public log remains whole.
			await db.update(budgetsProjects).set({ authorId: null }).where(eq(budgetsProjects.authorId, userId));
			await db.update(budgetsAppeals).set({ authorId: null }).where(eq(budgetsAppeals.authorId, userId));
			await db.update(budgetsAppeals).set({ decidedBy: null }).where(eq(budgetsAppeals.decidedBy, userId));
			await db.update(budgetsDecisions).set({ decidedBy: null }).where(eq(budgetsDecisions.decidedBy, userId));
			// Timeline entries stay public; who wrote them (staff) is forgotten.
			await db.update(budgetsProgress).set({ authorId: null }).where(eq(budgetsProgress.authorId, userId));
			await anonymizeVoting(db, userId);
		}
	},
	hooks: {
		async beforeDestroy(db, moduleId) {
			const [row] = await db
				.select({ n: count() })
				.from(budgetsProjects)
				.where(and(eq(budgetsProjects.moduleId, moduleId), isNull(budgetsProjects.withdrawnAt)));
			return (row?.n ?? 0) > 0 ? 'budgets_error_unmount_has_projects' : null;
		}
	}
});

registerFollowable(PROJECT_RESOURCE, followableProject);
registerCommentable(PROJECT_RESOURCE, commentableProject);
if (!fileUseResolvers.includes(projectFileUses)) fileUseResolvers.push(projectFileUses);
