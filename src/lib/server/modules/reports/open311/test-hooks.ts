/**
 * For e2e stories only (`/test-hooks/open311`, which answers only when test hooks are on): makes sure the city has a
 * published reports module, adds a department and a category with questions under a fresh service code, and issues
 * an API key, so real Open311 clients can be run against the server.
 */
import { randomBytes } from 'node:crypto';
import { system } from '../../../platform/actors/actor.ts';
import { todayInBucharest } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { clearSharedData } from '../../../platform/http/shared-data.ts';
import { addPhase } from '../../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../../spaces-runtime/admin.ts';
import { createApiKey } from '../commands/create-api-key.ts';
import { cityReportsModuleId } from '../context.ts';
import { reports } from '../manifest.ts';
import { reportsCategories } from '../schema.ts';
import { open311Config } from './config.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

async function ensureCityModule(tag: string): Promise<string> {
	const db = await getDb();
	clearSharedData();
	const existing = await cityReportsModuleId(db);
	if (existing) return existing;
	const actor = system('e2e');
	const day = (d: number) => todayInBucharest(Date.now() + d * 86_400_000);
	const space = must(
		await createProcess(actor, {
			title: { ro: `Sesizări ${tag}` },
			summary: { ro: 'Problemele orașului, raportate și rezolvate.' },
			description: { ro: 'Sesizări de test.' },
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

export async function open311ForTests() {
	const tag = randomBytes(3).toString('hex');
	const moduleId = await ensureCityModule(tag);
	const db = await getDb();
	const [department] = await db
		.insert(departments)
		.values({ slug: `drumuri-o311-${tag}`, name: { ro: `Direcția Drumuri ${tag}` } })
		.returning();
	const serviceCode = `o311_${tag}`;
	await db.insert(reportsCategories).values({
		moduleId,
		code: serviceCode,
		name: { ro: `Groapă în carosabil ${tag}`, en: `Pothole ${tag}` },
		description: { ro: 'Gropi în asfalt.' },
		departmentId: department.id,
		keywords: 'groapa,asfalt',
		questions: [
			{
				code: 'dangerous',
				datatype: 'singlevaluelist',
				required: true,
				label: { ro: 'Este periculos?', en: 'Is it dangerous?' },
				values: [
					{ key: 'yes', name: { ro: 'Da', en: 'Yes' } },
					{ key: 'no', name: { ro: 'Nu', en: 'No' } }
				]
			},
			{ code: 'depth_cm', datatype: 'number', required: false, label: { ro: 'Adâncime (cm)' } }
		]
	});
	clearSharedData();
	const key = must(await createApiKey(system('e2e'), { name: `e2e ${tag}` })).key;
	return { key, serviceCode, jurisdiction: open311Config.jurisdiction() };
}
