/** What the public and admin pages of a consultation show, each read authorised like a command. */
import { translate } from '#lib/i18n/index.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { calendarDaysBetween, deadlineStatus, todayInBucharest, type IsoDate } from '../../platform/calendar/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { getDb } from '../../platform/db/index.ts';
import { can } from '../../platform/modules/runtime.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { viewComments } from '../../platform/comments/index.ts';
import { renderMarkdown } from '../../platform/text/markdown.ts';
import { publicMeetingAttendance } from '../meetings/index.ts';
import { loadConsultation } from './load.ts';
import { consultations, registerRow } from './manifest.ts';
import {
	consultationUrl,
	findAnnualReport,
	findModuleIdByIdOrSlug,
	listDebateRequests,
	listRecommendations,
	openConsultations,
	yearIndicators,
	type Consultation
} from './queries.ts';
import { consultationStatus, debateDeadline, minimumDates } from './rules.ts';

const html = (t: Translated | null | undefined, locale: string) => {
	const r = translate(t ?? { ro: '' }, locale);
	return { html: renderMarkdown(r.text), lang: r.lang, translated: r.translated, empty: !r.text.trim() };
};

/** The announcement as everyone reads it: rendered texts, documents, dates with the rules they come from. */
function announcement(c: Consultation, locale: string, today: IsoDate) {
	const minimums = c.publishedOn ? minimumDates(c.publishedOn) : null;
	return {
		id: c.id,
		draftTitle: c.draftTitle,
		explanatoryNote: html(c.explanatoryNote, locale),
		impactStudy: html(c.impactStudy, locale),
		draftText: html(c.draftText, locale),
		files: {
			explanatoryNote: c.explanatoryNoteFileId,
			impactStudy: c.impactStudyFileId,
			draft: c.draftFileId,
			finalAct: c.finalActFileId
		},
		contact: { name: c.contactName, email: c.contactEmail, phone: c.contactPhone, postalAddress: c.postalAddress },
		publishedOn: c.publishedOn,
		recommendationsCloseOn: c.recommendationsCloseOn,
		approvalOn: c.approvalOn,
		shortenedReason: c.shortenedReason,
		minimums: minimums && {
			recommendations: { due: minimums.recommendations.due, article: minimums.recommendations.rule.article },
			approval: { due: minimums.approval.due, article: minimums.approval.rule.article }
		},
		status: consultationStatus(c, today),
		daysLeft: c.recommendationsCloseOn ? Math.max(0, calendarDaysBetween(today, c.recommendationsCloseOn)) : null,
		recommendationsCount: c.recommendationsCount,
		synthesis: c.synthesisPublishedAt ? html(c.synthesis, locale) : null,
		finalActNumber: c.finalActNumber,
		finalActOn: c.finalActOn
	};
}

/** The public page of a consultation, for a space addressed by slug. */
export async function viewConsultation(
	actor: Actor,
	{
		spaceSlug,
		moduleId,
		locale,
		today = todayInBucharest(),
		url
	}: { spaceSlug: string; moduleId: string; locale: string; today?: IsoDate; url?: URL }
) {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(can(actor, 'read', ctx, consultations));
	const debates = await listDebateRequests(db, consultation.id);
	const a = announcement(consultation, locale, today);
	return {
		module: { id: instance.id, title: instance.title },
		space: { id: ctx.space.id, slug: ctx.space.slug },
		consultation: a,
		debates: debates.map((d) => ({
			id: d.id,
			organisation: d.organisationName,
			requestedOn: d.requestedOn,
			debateAt: d.debateAt,
			debatePlace: d.debatePlace,
			meetingId: d.meetingId
		})),
		can: {
			recommend: a.status === 'open' && can(actor, 'recommend', ctx, consultations).allowed,
			requestDebate:
				(a.status === 'open' || a.status === 'closed') && can(actor, 'request_debate', ctx, consultations).allowed,
			manage: can(actor, 'manage', ctx, consultations).allowed
		},
		/** Why the actor may not recommend (a message key), to explain instead of hiding the form. */
		recommendBlocked: can(actor, 'recommend', ctx, consultations),
		debateBlocked: can(actor, 'request_debate', ctx, consultations),
		comments:
			url && consultation.publishedOn
				? await viewComments(actor, { resourceType: 'consultation', resourceId: consultation.id, url })
				: ({ visible: false } as const)
	};
}

/** The public register: every entry except private contact data. */
export async function viewRegister(actor: Actor, { spaceSlug, moduleId }: { spaceSlug?: string; moduleId: string }) {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	if (spaceSlug !== undefined && ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(can(actor, 'read', ctx, consultations));
	if (!consultation.publishedOn && !can(actor, 'manage', ctx, consultations).allowed)
		throw new NotFoundError('consultation');
	const entries = await listRecommendations(db, consultation.id);
	return {
		module: { id: instance.id, title: instance.title },
		space: { id: ctx.space.id, slug: ctx.space.slug },
		consultation: {
			id: consultation.id,
			draftTitle: consultation.draftTitle,
			status: consultationStatus(consultation, todayInBucharest()),
			synthesisPublished: !!consultation.synthesisPublishedAt
		},
		entries: entries.map(registerRow)
	};
}

/** The public register as CSV rows, for `/api/v1/consultations/{id}/register.csv` (id: module id or space slug). */
export async function registerForApi(actor: Actor, idOrSlug: string) {
	const moduleId = await findModuleIdByIdOrSlug(await getDb(), idOrSlug);
	if (!moduleId) throw new NotFoundError('consultation');
	return viewRegister(actor, { moduleId });
}

/** The admin page: the announcement as stored, the register with private contacts, debate requests with deadlines. */
export async function manageConsultation(
	actor: Actor,
	{ spaceId, moduleId, today = todayInBucharest() }: { spaceId: string; moduleId: string; today?: IsoDate }
) {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(can(actor, 'manage', ctx, consultations));
	const [entries, debates] = await Promise.all([
		listRecommendations(db, consultation.id),
		listDebateRequests(db, consultation.id)
	]);
	const minimums = minimumDates(consultation.publishedOn ?? today);
	return {
		module: { id: instance.id, title: instance.title, published: instance.published },
		space: ctx.space,
		consultation,
		status: consultationStatus(consultation, today),
		today,
		/** The legal minimums if published today (for the publish form), or from the actual publication. */
		minimums: {
			recommendations: { due: minimums.recommendations.due, article: minimums.recommendations.rule.article },
			approval: { due: minimums.approval.due, article: minimums.approval.rule.article }
		},
		entries,
		undecided: entries.filter((e) => !e.outcome).length,
		debates: debates.map((d) => {
			const deadline = debateDeadline(d.requestedOn);
			return { ...d, deadline: deadline.due, article: deadline.rule.article, ...deadlineStatus(deadline, today) };
		})
	};
}

/** "Consultations open now": public, published, window still open; soonest deadline first. */
export async function viewOpenConsultations(locale: string, today: IsoDate = todayInBucharest()) {
	const rows = await openConsultations(await getDb(), today);
	return rows.map(({ consultation: c, spaceSlug, spaceTitle }) => ({
		id: c.id,
		moduleId: c.moduleId,
		title: c.draftTitle,
		spaceTitle,
		url: consultationUrl(spaceSlug, c.moduleId),
		publishedOn: c.publishedOn!,
		recommendationsCloseOn: c.recommendationsCloseOn!,
		approvalOn: c.approvalOn,
		summary: translate(c.explanatoryNote, locale).text,
		updatedAt: c.updatedAt
	}));
}

/** The Law 52/2003 art. 13 report for a year: (a), (b), (d) computed; (c), (e), (f), (g) as entered by staff. */
export async function viewAnnualReport(actor: Actor, year: number) {
	authorize(canAdmin(actor, 'processes.manage'));
	const db = await getDb();
	const [computed, entered, attendance] = await Promise.all([
		yearIndicators(db, year),
		findAnnualReport(db, year),
		publicMeetingAttendance(db, year)
	]);
	return {
		year,
		// (c) from the attendance recorded at the year's public meetings; staff may enter a figure that also counts
		// meetings held outside the platform, which then takes precedence.
		computed: {
			...computed,
			meetingParticipants: attendance.participants,
			meetingsWithoutCount: attendance.withoutCount
		},
		entered: {
			meetingParticipants: entered?.meetingParticipants ?? null,
			courtCases: entered?.courtCases ?? '',
			evaluation: entered?.evaluation ?? '',
			closedMeetings: entered?.closedMeetings ?? ''
		},
		updatedAt: entered?.updatedAt ?? null
	};
}

/** The report as CSV rows: one line per indicator, (a) to (g). */
export function annualReportRows(report: Awaited<ReturnType<typeof viewAnnualReport>>) {
	const { computed: c, entered: e } = report;
	return [
		{ indicator: 'a', description: 'Recommendations received', value: c.recommendationsReceived },
		{ indicator: 'b', description: 'Recommendations included in decisions', value: c.recommendationsIncluded },
		{
			indicator: 'c',
			description: 'Participants in public meetings',
			value: e.meetingParticipants ?? c.meetingParticipants
		},
		{ indicator: 'd', description: 'Public debates organised', value: c.debatesOrganised },
		{ indicator: 'e', description: 'Court cases for breaching Law 52/2003', value: e.courtCases },
		{ indicator: 'f', description: 'Own evaluation of the partnership', value: e.evaluation },
		{ indicator: 'g', description: 'Meetings not held in public, and why', value: e.closedMeetings }
	].map((r) => ({ year: report.year, ...r }));
}
