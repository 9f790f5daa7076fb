/**
 * The `proposals` module manifest: citizens propose (text, place, photos), support and follow proposals; staff
 * answer them officially, with evaluators' private notes. Registers proposals as followable, commentable and as
 * users of files at import time (the platform never imports modules).
 */
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import { registerCommentable } from '../../platform/comments/commentables.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { defineModule } from '../../platform/modules/define-module.ts';
import { countInModules, inRange } from '../../platform/modules/stats.ts';
import { registerFollowable } from '../../platform/notifications/follows.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { proposalsActions, proposalsPermissions } from './permissions.ts';
import { proposalsWithSpace, proposalUrl } from './queries.ts';
import { commentableProposal, followableProposal, proposalFileUses } from './resolvers.ts';
import {
	proposalsCategories,
	proposalsEvaluators,
	proposalsNotes,
	proposalsProposals,
	proposalsStates,
	proposalsSupports
} from './schema.ts';
import { proposalDocuments } from './search.ts';
import { seedProposals } from './seeds.ts';
import { proposalsGlobalSettings, proposalsPhaseSettings } from './settings.ts';

export const proposals = defineModule({
	name: 'proposals',
	titleKey: 'proposals_module_name',
	settings: { global: proposalsGlobalSettings, phase: proposalsPhaseSettings },
	actions: proposalsActions,
	defaultVerification: { read: null, create: 'email', support: 'email', comment: 'email' },
	permissions: proposalsPermissions,
	resources: [{ name: 'proposal', linkable: true }],
	exports: [
		{
			name: 'proposals',
			description:
				'Citizen proposals in participatory processes, with supports and official answers; no personal data.',
			columns: [
				{ name: 'id', description: 'Stable identifier of the proposal.' },
				{ name: 'process', description: 'URL slug of the process the proposal belongs to.' },
				{ name: 'title', description: 'Title, as written by its author.' },
				{ name: 'text', description: 'Body as plain text.' },
				{ name: 'category', description: 'Category name in Romanian, or empty.' },
				{ name: 'neighbourhood_id', description: 'Identifier of the neighbourhood, or empty.' },
				{ name: 'latitude', description: 'Latitude of the pin (WGS 84), or empty.' },
				{ name: 'longitude', description: 'Longitude of the pin (WGS 84), or empty.' },
				{ name: 'state', description: 'published (no answer yet), evaluating, accepted, rejected or custom.' },
				{ name: 'custom_state', description: 'Name in Romanian of the custom answer state, or empty.' },
				{ name: 'supports', description: 'Number of supports.' },
				{ name: 'cost_estimate_lei', description: 'Cost estimate of the official answer, in lei, or empty.' },
				{ name: 'withdrawn', description: 'Whether the author withdrew the proposal.' },
				{ name: 'created_at', description: 'Publication time, ISO 8601 in UTC.' },
				{ name: 'answered_at', description: 'Time of the official answer, ISO 8601 in UTC, or empty.' },
				{ name: 'url', description: 'Path of the proposal on the site.' }
			],
			async rows(db, moduleIds) {
				const rows = (await proposalsWithSpace(db, moduleIds)).filter((r) => r.public);
				if (!rows.length) return [];
				const [cats, states] = await Promise.all([
					db.select().from(proposalsCategories).where(inArray(proposalsCategories.moduleId, moduleIds)),
					db.select().from(proposalsStates).where(inArray(proposalsStates.moduleId, moduleIds))
				]);
				const catName = new Map(cats.map((c) => [c.id, c.name.ro]));
				const stateName = new Map(states.map((s) => [s.id, s.name.ro]));
				return rows.map(({ proposal: p, spaceSlug }) => ({
					id: p.id,
					process: spaceSlug,
					title: p.title,
					text: markdownToText(p.body),
					category: (p.categoryId && catName.get(p.categoryId)) || null,
					neighbourhood_id: p.neighbourhoodId,
					latitude: p.latitude,
					longitude: p.longitude,
					state: p.state,
					custom_state: (p.customStateId && stateName.get(p.customStateId)) || null,
					supports: p.supportsCount,
					cost_estimate_lei: p.costEstimate,
					withdrawn: p.withdrawnAt !== null,
					created_at: p.createdAt.toISOString(),
					answered_at: p.answeredAt?.toISOString() ?? null,
					url: proposalUrl(spaceSlug, p.moduleId, p.id)
				}));
			}
		}
	],
	stats: [
		{
			key: 'proposals_count',
			primary: true,
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: count() })
					.from(proposalsProposals)
					.where(and(inArray(proposalsProposals.moduleId, moduleIds), ...inRange(proposalsProposals.createdAt, range)));
				return row?.n ?? 0;
			}
		},
		{
			key: 'proposals_supports',
			count: (db, moduleIds, range) =>
				countInModules(
					db,
					{ table: proposalsSupports, moduleId: proposalsSupports.moduleId, at: proposalsSupports.createdAt },
					moduleIds,
					range
				)
		},
		{
			key: 'proposals_answered',
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const [row] = await db
					.select({ n: count() })
					.from(proposalsProposals)
					.where(
						and(
							inArray(proposalsProposals.moduleId, moduleIds),
							isNotNull(proposalsProposals.answeredAt),
							...(range?.from ? [gte(proposalsProposals.answeredAt, range.from)] : []),
							...(range?.to ? [lte(proposalsProposals.answeredAt, range.to)] : [])
						)
					);
				return row?.n ?? 0;
			}
		}
	],
	search: [{ resource: 'proposal', documents: proposalDocuments }],
	notifications: [
		{ key: 'proposals_notification_answered', recipients: 'followers' },
		{ key: 'proposals_notification_assigned', recipients: 'admins' }
	],
	personalData: {
		async exportFor(db, userId) {
			const [written, supported, notes] = await Promise.all([
				db
					.select({
						id: proposalsProposals.id,
						title: proposalsProposals.title,
						body: proposalsProposals.body,
						createdAt: proposalsProposals.createdAt
					})
					.from(proposalsProposals)
					.where(eq(proposalsProposals.authorId, userId)),
				db
					.select({ id: proposalsProposals.id, title: proposalsProposals.title, at: proposalsSupports.createdAt })
					.from(proposalsSupports)
					.innerJoin(proposalsProposals, eq(proposalsProposals.id, proposalsSupports.proposalId))
					.where(eq(proposalsSupports.userId, userId)),
				db
					.select({ proposalId: proposalsNotes.proposalId, body: proposalsNotes.body, at: proposalsNotes.createdAt })
					.from(proposalsNotes)
					.where(eq(proposalsNotes.authorId, userId))
			]);
			return {
				proposals_written: written.map((p) => ({
					id: p.id,
					title: p.title,
					body: p.body,
					created_at: p.createdAt.toISOString()
				})),
				proposals_supported: supported.map((s) => ({ id: s.id, title: s.title, supported_at: s.at.toISOString() })),
				proposals_evaluation_notes: notes.map((n) => ({
					proposal_id: n.proposalId,
					body: n.body,
					written_at: n.at.toISOString()
				}))
			};
		},
		async anonymize(db, userId) {
			// Proposals and notes stay (by "deleted account"); supports stay too, so counts and limits remain true,
			// but they point to an account without personal data. Evaluation assignments end.
			await db.update(proposalsProposals).set({ authorId: null }).where(eq(proposalsProposals.authorId, userId));
			await db.update(proposalsNotes).set({ authorId: null }).where(eq(proposalsNotes.authorId, userId));
			await db.delete(proposalsEvaluators).where(eq(proposalsEvaluators.userId, userId));
		}
	},
	hooks: {
		async beforeDestroy(db, moduleId) {
			const [row] = await db
				.select({ n: count() })
				.from(proposalsProposals)
				.where(eq(proposalsProposals.moduleId, moduleId));
			return (row?.n ?? 0) > 0 ? 'proposals_error_unmount_has_proposals' : null;
		}
	},
	async feed(db, moduleIds, since) {
		if (!moduleIds.length) return [];
		const rows = await db
			.select({ proposal: proposalsProposals, spaceSlug: spaces.slug })
			.from(proposalsProposals)
			.innerJoin(moduleInstances, eq(moduleInstances.id, proposalsProposals.moduleId))
			.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
			.where(
				and(
					inArray(proposalsProposals.moduleId, moduleIds),
					gte(proposalsProposals.createdAt, since),
					isNull(proposalsProposals.withdrawnAt),
					eq(spaces.status, 'published'),
					eq(moduleInstances.published, true)
				)
			)
			.orderBy(desc(proposalsProposals.createdAt))
			.limit(100);
		return rows.map(({ proposal: p, spaceSlug }) => ({
			key: `proposal:${p.id}`,
			title: { ro: p.title },
			summary: { ro: markdownToText(p.body).slice(0, 300) },
			path: proposalUrl(spaceSlug, p.moduleId, p.id),
			published: p.createdAt,
			updated: p.answeredAt ?? p.editedAt ?? p.createdAt
		}));
	},
	seed: seedProposals
});

registerFollowable('proposal', followableProposal);
registerCommentable('proposal', commentableProposal);
if (!fileUseResolvers.includes(proposalFileUses)) fileUseResolvers.push(proposalFileUses);
