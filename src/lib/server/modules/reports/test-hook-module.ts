/**
 * For e2e test hooks only: the city's reports module, made (a published permanent process with one long phase and the
 * module mounted and published) when the e2e server has none yet. One way for every reports test hook.
 */
import { system } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb } from '../../platform/db/index.ts';
import { clearSharedData } from '../../platform/http/shared-data.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { cityReportsModuleId } from './context.ts';
import { reports } from './manifest.ts';

export const must = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

export async function ensureCityReportsModule(): Promise<string> {
	clearSharedData();
	const existing = await cityReportsModuleId(await getDb());
	if (existing) return existing;
	const actor = system('e2e');
	const day = (d: number) => todayInBucharest(Date.now() + d * 86_400_000);
	const space = must(
		await createProcess(actor, {
			title: { ro: 'Sesizări' },
			summary: { ro: 'Problemele orașului, raportate și rezolvate.' },
			description: { ro: 'Sesizări.' },
			organiser: { ro: 'Primăria Municipiului Timișoara' },
			decides: { ro: 'Direcțiile primăriei rezolvă sesizările.' },
			expectedResult: { ro: 'Probleme rezolvate.' }
		})
	);
	const phaseId = must(
		await addPhase(actor, space.id, {
			title: { ro: 'Permanent' },
			description: { ro: '' },
			startsOn: day(-30),
			endsOn: day(3650)
		})
	).id;
	const title = { ro: 'Sesizări' };
	const moduleId = must(await mountModule(actor, { spaceId: space.id, manifest: reports }, { title })).id;
	must(
		await configureModule(
			actor,
			{ spaceId: space.id, moduleId, manifest: reports },
			{
				title,
				published: true,
				settings: {},
				phaseSettings: { [phaseId]: { reportingOpen: true } },
				requiredVerifications: {}
			}
		)
	);
	must(await publishProcessAndModules(actor, space.id));
	clearSharedData();
	return moduleId;
}
