/** The `consultations` module manifest: Law 52/2003 consultations on draft normative acts — the announcement with
 * its legal dates, the register of recommendations, public-debate requests, the synthesis and the final act. */
import { and, count, eq, inArray } from 'drizzle-orm';
import { defineModule } from '../../platform/modules/define-module.ts';
import { inRange } from '../../platform/modules/stats.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { consultationsGlobalSettings, consultationsPhaseSettings } from './settings.ts';
import { consultationsActions, consultationsPermissions } from './permissions.ts';
import { consultationsConsultations, consultationsRecommendations } from './schema.ts';
import { consultationsWithSpace, consultationUrl } from './queries.ts';
import { consultationDocuments } from './search.ts';
import { consultationFileUses, consultationsCreated, consultationsPersonalData } from './lifecycle.ts';
import { seedConsultation } from './seeds.ts';
import { registerCommentable } from '../../platform/comments/index.ts';
import { consultationCommentTarget } from './commentable.ts';

// Announcement documents and final acts are public once their consultation is (see lifecycle.ts).
if (!fileUseResolvers.includes(consultationFileUses)) fileUseResolvers.push(consultationFileUses);

const inModules = (moduleIds: string[]) => inArray(consultationsConsultations.moduleId, moduleIds);

export const consultations = defineModule({
	name: 'consultations',
	titleKey: 'consultations_module_name',
	settings: { global: consultationsGlobalSettings, phase: consultationsPhaseSettings },
	actions: consultationsActions,
	// Written recommendations need a confirmed e-mail (the register keeps a contact); a debate request needs an
	// organisation checked by staff (Law 52/2003 art. 7(9): associations and public authorities).
	defaultVerification: { read: null, recommend: 'email', request_debate: 'organisation', manage: null },
	permissions: consultationsPermissions,
	resources: [
		{ name: 'consultation', linkable: true },
		{ name: 'consultation_recommendation', linkable: false }
	],
	hooks: { created: consultationsCreated },
	exports: [
		{
			name: 'consultations',
			description: 'Public consultations on draft normative acts (Law 52/2003) with their legal dates.',
			columns: [
				{ name: 'id', description: 'Stable identifier of the consultation.' },
				{ name: 'process', description: 'URL slug of the space the consultation belongs to.' },
				{ name: 'title', description: 'Title of the draft act, in Romanian.' },
				{ name: 'published_on', description: 'Date the draft was announced (YYYY-MM-DD, Europe/Bucharest).' },
				{ name: 'recommendations_close_on', description: 'Last day written recommendations were received.' },
				{ name: 'approval_on', description: 'Earliest date the draft may be submitted for approval.' },
				{ name: 'shortened_reason', description: 'Why a legal minimum period was shortened, if it was.' },
				{ name: 'recommendations', description: 'Number of recommendations in the register.' },
				{ name: 'final_act', description: 'Number of the adopted act, once the synthesis is published.' },
				{ name: 'final_act_on', description: 'Date of the adopted act.' },
				{ name: 'url', description: 'Path of the consultation on the site.' }
			],
			async rows(db, moduleIds) {
				const rows = await consultationsWithSpace(db, moduleIds);
				return rows
					.filter((r) => r.public && r.consultation.publishedOn)
					.map(({ consultation: c, spaceSlug }) => ({
						id: c.id,
						process: spaceSlug,
						title: c.draftTitle.ro,
						published_on: c.publishedOn,
						recommendations_close_on: c.recommendationsCloseOn,
						approval_on: c.approvalOn,
						shortened_reason: c.shortenedReason,
						recommendations: c.recommendationsCount,
						final_act: c.finalActNumber,
						final_act_on: c.finalActOn,
						url: consultationUrl(spaceSlug, c.moduleId)
					}));
			}
		},
		{
			name: 'consultation_recommendations',
			description:
				"The register of recommendations on draft acts: number, date, channel, text, outcome. The author's name " +
				'is shown on the register page (a legal record) but left out of the bulk data; contacts never appear.',
			columns: [
				{ name: 'consultation_id', description: 'The consultation the recommendation was sent to.' },
				{ name: 'number', description: 'Number in the register, sequential per consultation from 1.' },
				{ name: 'received_on', description: 'Date received (YYYY-MM-DD).' },
				{ name: 'channel', description: 'online, email or paper.' },
				{ name: 'late', description: 'Received after the recommendations window closed.' },
				{ name: 'article', description: 'Article of the draft concerned, if given.' },
				{ name: 'text', description: 'The recommendation as received.' },
				{ name: 'outcome', description: 'accepted, partly_accepted, rejected, or empty while pending.' },
				{ name: 'outcome_reason', description: 'Why it was accepted or not.' }
			],
			async rows(db, moduleIds) {
				const published = (await consultationsWithSpace(db, moduleIds)).filter(
					(r) => r.public && r.consultation.publishedOn
				);
				if (!published.length) return [];
				const entries = await db
					.select()
					.from(consultationsRecommendations)
					.where(
						inArray(
							consultationsRecommendations.consultationId,
							published.map((r) => r.consultation.id)
						)
					)
					.orderBy(consultationsRecommendations.consultationId, consultationsRecommendations.number);
				// Bulk data leaves out who wrote it: the register page shows the name, a data set would make it searchable.
				return entries.map((r) => {
					const { author: _author, ...row } = registerRow(r);
					return row;
				});
			}
		}
	],
	stats: [
		{
			key: 'consultations_recommendations',
			primary: true,
			async count(db, moduleIds, range) {
				if (!moduleIds.length) return 0;
				const where = [inModules(moduleIds), ...inRange(consultationsRecommendations.createdAt, range)];
				const [row] = await db
					.select({ n: count() })
					.from(consultationsRecommendations)
					.innerJoin(
						consultationsConsultations,
						eq(consultationsConsultations.id, consultationsRecommendations.consultationId)
					)
					.where(and(...where));
				return row?.n ?? 0;
			}
		},
		{
			key: 'consultations_published',
			async count(db, moduleIds) {
				if (!moduleIds.length) return 0;
				const rows = await consultationsWithSpace(db, moduleIds);
				return rows.filter((r) => r.consultation.publishedOn).length;
			}
		}
	],
	search: [{ resource: 'consultation', documents: consultationDocuments }],
	notifications: [
		{ key: 'consultations_notification_published', recipients: 'followers' },
		{ key: 'consultations_notification_debate_requested', recipients: 'admins' },
		{ key: 'consultations_notification_debate_scheduled', recipients: 'followers' },
		{ key: 'consultations_notification_synthesis_published', recipients: 'followers' }
	],
	personalData: consultationsPersonalData,
	seed: seedConsultation
});

registerCommentable('consultation', consultationCommentTarget(consultations));

/** One register entry as the public sees it: everything except the private contact and the account. */
export function registerRow(r: typeof consultationsRecommendations.$inferSelect) {
	return {
		consultation_id: r.consultationId,
		number: r.number,
		received_on: r.receivedOn,
		channel: r.channel,
		late: r.late,
		// Empty after the author's account was deleted (the entry stays: the register is a legal record).
		author: [r.authorName, r.organisation && `(${r.organisation})`].filter(Boolean).join(' '),
		article: r.article,
		text: r.text,
		outcome: r.outcome ?? '',
		outcome_reason: r.outcomeReason
	};
}
