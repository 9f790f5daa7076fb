/** What the platform calls back into: the consultation row made on mounting, which files its pages make public,
 * and a person's data (GDPR export and anonymisation). */
import { eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import type { FileUse } from '../../platform/files/access.ts';
import type { PersonalData } from '../../platform/modules/define-module.ts';
import { consultationsConsultations, consultationsDebateRequests, consultationsRecommendations } from './schema.ts';

const empty = { ro: '' };

/** Mounting the module creates its (empty, unpublished) consultation. */
export async function consultationsCreated(db: Db, moduleId: string): Promise<void> {
	await db
		.insert(consultationsConsultations)
		.values({ moduleId, draftTitle: empty, explanatoryNote: empty, impactStudy: empty, draftText: empty })
		.onConflictDoNothing();
}

/** Announcement documents and the final act are public once the consultation is published in a public space. */
export async function consultationFileUses(db: Db, fileId: string): Promise<FileUse[]> {
	const c = consultationsConsultations;
	const rows = await db
		.select({ spaceId: spaces.id, status: spaces.status, published: moduleInstances.published, on: c.publishedOn })
		.from(c)
		.innerJoin(moduleInstances, eq(moduleInstances.id, c.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			or(
				eq(c.explanatoryNoteFileId, fileId),
				eq(c.impactStudyFileId, fileId),
				eq(c.draftFileId, fileId),
				eq(c.finalActFileId, fileId)
			)
		);
	return rows.map((r) => ({ spaceId: r.spaceId, public: r.status === 'published' && r.published && !!r.on }));
}

/**
 * The register is a legal record (Law 52/2003 art. 7): anonymising a person keeps their entries — number, date,
 * text, outcome — but removes their name, contact and account link; the page then shows "deleted account".
 * An organisation's name (a legal person) stays on its debate requests; the account link goes.
 */
export const consultationsPersonalData: PersonalData = {
	async exportFor(db, userId) {
		const recommendations = await db
			.select()
			.from(consultationsRecommendations)
			.where(eq(consultationsRecommendations.userId, userId));
		const requests = await db
			.select()
			.from(consultationsDebateRequests)
			.where(eq(consultationsDebateRequests.requesterId, userId));
		return {
			consultation_recommendations: recommendations.map((r) => ({
				consultation_id: r.consultationId,
				number: r.number,
				received_on: r.receivedOn,
				author: r.authorName,
				organisation: r.organisation,
				contact: r.contact,
				article: r.article,
				text: r.text,
				outcome: r.outcome,
				outcome_reason: r.outcomeReason
			})),
			consultation_debate_requests: requests.map((r) => ({
				consultation_id: r.consultationId,
				organisation: r.organisationName,
				requested_on: r.requestedOn,
				reason: r.reason
			}))
		};
	},
	async anonymize(db, userId) {
		await db
			.update(consultationsRecommendations)
			.set({ authorName: '', contact: '', userId: null })
			.where(eq(consultationsRecommendations.userId, userId));
		await db
			.update(consultationsDebateRequests)
			.set({ requesterId: null })
			.where(eq(consultationsDebateRequests.requesterId, userId));
	}
};
