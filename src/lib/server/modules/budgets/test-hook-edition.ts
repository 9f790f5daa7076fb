/**
 * For the e2e test hooks only: a published process with one current phase in the given stage and a published
 * budgets module (an edition), made through the platform's own commands; each hook then adds its pots and projects.
 */
import { randomBytes } from 'node:crypto';
import { system } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { budgets } from './manifest.ts';
import type { BudgetStage, BudgetsGlobalSettings } from './settings.ts';

export const must = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

export interface TestEditionSetup {
	/** Words in the process title, e.g. "vot" → "Timișoara Decide! vot 3f2a1c". */
	label: string;
	summary: string;
	phaseTitle: string;
	stage: BudgetStage;
	/** The current phase, in days from today (Europe/Bucharest). */
	from: number;
	to: number;
	settings?: Partial<BudgetsGlobalSettings>;
}

export async function publishedEditionForTests(setup: TestEditionSetup) {
	const actor = system('e2e');
	const tag = randomBytes(3).toString('hex');
	const day = (d: number) => todayInBucharest(Date.now() + d * 86_400_000);
	const process = must(
		await createProcess(actor, {
			title: { ro: `Timișoara Decide! ${setup.label} ${tag}` },
			summary: { ro: setup.summary },
			description: { ro: `Ediție de test: ${setup.label}.` },
			organiser: { ro: 'Primăria Municipiului Timișoara' },
			decides: { ro: 'Locuitorii votează proiectele.' },
			expectedResult: { ro: 'Proiecte finanțate.' }
		})
	);
	const phaseId = must(
		await addPhase(actor, process.id, {
			title: { ro: setup.phaseTitle },
			description: { ro: '' },
			startsOn: day(setup.from),
			endsOn: day(setup.to)
		})
	).id;
	const title = { ro: `Bugetare participativă ${tag}`, en: `Participatory budgeting ${tag}` };
	const moduleId = must(await mountModule(actor, { spaceId: process.id, manifest: budgets }, { title })).id;
	must(
		await configureModule(
			actor,
			{ spaceId: process.id, moduleId, manifest: budgets },
			{
				title,
				published: true,
				settings: setup.settings ?? {},
				phaseSettings: { [phaseId]: { stage: setup.stage } },
				requiredVerifications: {}
			}
		)
	);
	must(await publishProcessAndModules(actor, process.id));
	return { actor, tag, process, phaseId, moduleId, title };
}
