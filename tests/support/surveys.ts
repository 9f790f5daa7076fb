/** Medium-test helpers for surveys: a process with a survey module in a chosen state, and questions added to it. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/lib/server/platform/actors/actor.ts';
import { getDb } from '../../src/lib/server/platform/db/index.ts';
import { configureModule } from '../../src/lib/server/platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../src/lib/server/platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../src/lib/server/spaces-runtime/admin.ts';
import { addQuestion, surveys, type QuestionInput } from '../../src/lib/server/modules/surveys/index.ts';
import { surveysQuestions } from '../../src/lib/server/modules/surveys/schema.ts';
import { processWithThreePhases } from './spaces.ts';

export interface SurveySetup {
	published?: boolean;
	spacePublished?: boolean;
	answers?: 'open' | 'closed';
	publicResults?: boolean;
	closesOn?: string;
}

/** A process with a survey module; the current phase (the second) has answers open unless told otherwise. */
export async function surveyModule(
	admin: Actor,
	{ published = true, spacePublished = true, answers = 'open', publicResults = false, closesOn = '' }: SurveySetup = {}
) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: surveys },
		{ title: { ro: 'Chestionar' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const configure = (isPublished: boolean) =>
		configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: surveys },
			{
				title: { ro: 'Chestionar despre mobilitate', en: 'Mobility survey' },
				published: isPublished,
				settings: { publicResults, closesOn },
				phaseSettings: { [process.phaseIds[1]]: { answers } },
				requiredVerifications: {}
			}
		);
	await configure(published);
	if (spacePublished) await publishProcessAndModules(admin, process.spaceId);
	if (spacePublished && !published) await configure(false);
	return { ...process, moduleId };
}

export const question = (extra: Partial<QuestionInput> = {}): QuestionInput => ({
	type: 'single_choice',
	title: { ro: 'Cum vă deplasați?', en: 'How do you travel?' },
	description: { ro: '' },
	options: { ro: 'Pe jos\nCu mașina' },
	required: true,
	...extra
});

/** Adds the questions and returns their ids, with the option ids of the first one. */
export async function buildSurvey(admin: Actor, moduleId: string, inputs: QuestionInput[]) {
	const ids: string[] = [];
	for (const input of inputs) {
		const r = await addQuestion(admin, { moduleId }, input);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		ids.push(r.value.id);
	}
	const [first] = await (await getDb()).select().from(surveysQuestions).where(eq(surveysQuestions.id, ids[0]));
	return { ids, options: first.config.options?.map((o) => o.id) ?? [] };
}
