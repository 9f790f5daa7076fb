/**
 * The `surveys` module manifest: a questionnaire staff build (text, choice, ranking, matrix, number, date questions,
 * with conditions), one editable response per person while answers are open, and aggregated results.
 */
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../platform/modules/define-module.ts';
import { countInModules } from '../../platform/modules/stats.ts';
import { loadModule, parseSettings } from '../../platform/modules/runtime.ts';
import { notifyFollowers } from '../../platform/notifications/follows.ts';
import { moduleInstances } from '../../platform/db/schema.ts';
import { withoutFreeText } from './answers.ts';
import { surveysActions, surveysPermissions } from './permissions.ts';
import { allResponses, listQuestions, surveysWithSpace, surveyUrl, toQuestion } from './queries.ts';
import { summarize } from './results.ts';
import { surveysQuestions, surveysResponses, surveysSurveys } from './schema.ts';
import { surveyDocuments } from './search.ts';
import { seedMobilitySurvey } from './seeds.ts';
import { surveysGlobalSettings, surveysPhaseSettings } from './settings.ts';

export const surveys = defineModule({
	name: 'surveys',
	titleKey: 'surveys_module_name',
	settings: { global: surveysGlobalSettings, phase: surveysPhaseSettings },
	actions: surveysActions,
	defaultVerification: { read: null, answer: 'email', results: null, manage: null },
	permissions: surveysPermissions,
	resources: [{ name: 'survey', linkable: true }],
	exports: [
		{
			name: 'survey_results',
			description:
				'Aggregated answers of the surveys whose results are public: one row per question and answer option, with counts. No individual responses.',
			columns: [
				{ name: 'survey_id', description: 'Stable identifier of the survey.' },
				{ name: 'process', description: 'URL slug of the process the survey belongs to.' },
				{ name: 'survey', description: 'Title of the survey, in Romanian.' },
				{ name: 'question_number', description: 'Position of the question in the questionnaire, from 1.' },
				{ name: 'question', description: 'Text of the question, in Romanian.' },
				{
					name: 'question_type',
					description: 'short_text, long_text, single_choice, multiple_choice, ranking, matrix, number or date.'
				},
				{
					name: 'answer',
					description: 'The option (matrix: "row: column"; numbers and dates: a value or range); empty for free text.'
				},
				{ name: 'count', description: 'People who chose it (for rankings: Borda points).' },
				{ name: 'answered', description: 'People who answered the question.' }
			],
			async rows(db, moduleIds) {
				const out: Record<string, string | number>[] = [];
				for (const s of await surveysWithSpace(db, moduleIds)) {
					if (!s.public || !parseSettings(surveysGlobalSettings, s.settings).publicResults) continue;
					const responses = await allResponses(db, s.moduleId);
					const results = summarize(
						await listQuestions(db, s.moduleId),
						responses.map((r) => r.answers)
					);
					for (const r of results) {
						const base = {
							survey_id: s.moduleId,
							process: s.spaceSlug,
							survey: s.title.ro,
							question_number: r.number,
							question: r.title.ro,
							question_type: r.type,
							answered: r.answered
						};
						if (r.matrix)
							for (const row of r.matrix.rows)
								r.matrix.columns.forEach((col, i) =>
									out.push({ ...base, answer: `${row.label.ro}: ${col.label.ro}`, count: row.counts[i] })
								);
						else if (r.bars.length) for (const b of r.bars) out.push({ ...base, answer: b.label.ro, count: b.count });
						else out.push({ ...base, answer: '', count: r.answered });
					}
				}
				return out;
			}
		}
	],
	stats: [
		{
			key: 'surveys_responses',
			primary: true,
			count: (db, moduleIds, range) =>
				countInModules(
					db,
					{ table: surveysResponses, moduleId: surveysResponses.moduleId, at: surveysResponses.createdAt },
					moduleIds,
					range
				)
		}
	],
	search: [{ resource: 'survey', documents: surveyDocuments }],
	notifications: [{ key: 'surveys_notification_opened', recipients: 'followers' }],
	personalData: {
		// A person's answers are personal data: the export shows them with the questions, in Romanian.
		async exportFor(db, userId) {
			const rows = await db
				.select({ response: surveysResponses, title: moduleInstances.title })
				.from(surveysResponses)
				.innerJoin(moduleInstances, eq(moduleInstances.id, surveysResponses.moduleId))
				.where(eq(surveysResponses.respondentId, userId));
			const out: Record<string, unknown>[] = [];
			for (const { response, title } of rows) {
				const questions = (
					await db.select().from(surveysQuestions).where(eq(surveysQuestions.moduleId, response.moduleId))
				).map(toQuestion);
				out.push({
					survey: title.ro,
					submitted_at: response.createdAt.toISOString(),
					updated_at: response.updatedAt.toISOString(),
					answers: Object.fromEntries(
						questions.filter((q) => response.answers[q.id]).map((q) => [q.title.ro, response.answers[q.id]])
					)
				});
			}
			return { survey_responses: out };
		},
		// Decision (see README.md in this folder): the response is detached from the account and its free text
		// erased, so published counts do not change but nothing left can point back to the person.
		async anonymize(db, userId) {
			const rows = await db
				.select({ id: surveysResponses.id, answers: surveysResponses.answers })
				.from(surveysResponses)
				.where(eq(surveysResponses.respondentId, userId));
			for (const r of rows)
				await db
					.update(surveysResponses)
					.set({ respondentId: null, answers: withoutFreeText(r.answers) })
					.where(eq(surveysResponses.id, r.id));
		}
	},
	hooks: {
		async created(db, moduleId) {
			await db
				.insert(surveysSurveys)
				.values({ moduleId, description: { ro: '' } })
				.onConflictDoNothing();
		},
		async beforeDestroy(db, moduleId) {
			const [row] = await db
				.select({ n: count() })
				.from(surveysResponses)
				.where(eq(surveysResponses.moduleId, moduleId));
			return (row?.n ?? 0) > 0 ? 'surveys_error_unmount_has_responses' : null;
		},
		// Followers of the process hear when a phase opens the survey for answers.
		async phaseChanged(db, moduleId, change) {
			const { instance, ctx } = await loadModule(db, surveys, moduleId);
			const open = (phaseId: string | null) =>
				phaseId !== null && parseSettings(surveysPhaseSettings, instance.phaseSettings[phaseId]).answers === 'open';
			if (!open(change.to) || open(change.from)) return;
			if (ctx.space.status !== 'published' || !instance.published) return;
			await notifyFollowers(
				db,
				{ resourceType: 'space', resourceId: instance.spaceId },
				'surveys_notification_opened',
				{ survey: instance.title },
				surveyUrl(ctx.space.slug, moduleId)
			);
		}
	},
	seed: seedMobilitySurvey
});
