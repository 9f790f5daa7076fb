/**
 * For the staff e2e story only (`/test-hooks/reports/staff`, answering only when test hooks are on): makes sure the
 * city has a published reports module, adds a department with a routed category, and files a report through the
 * real `createReport` as a person without an account who left an e-mail address (so each update reaches them by
 * e-mail, in the outbox).
 */
import { randomBytes } from 'node:crypto';
import { anonymous, system } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb } from '../../platform/db/index.ts';
import { departments } from '../../platform/db/schema.ts';
import { clearSharedData } from '../../platform/http/shared-data.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { createReport } from './commands/create-report.ts';
import { cityReportsModuleId } from './context.ts';
import { reports } from './manifest.ts';
import { reportsCategories } from './schema.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

async function cityModule(): Promise<string> {
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

export async function staffStoryForTests() {
	const tag = randomBytes(3).toString('hex');
	const moduleId = await cityModule();
	const db = await getDb();
	const [department] = await db
		.insert(departments)
		.values({ slug: `drumuri-staff-${tag}`, name: { ro: `Direcția Drumuri ${tag}` } })
		.returning();
	const [category] = await db
		.insert(reportsCategories)
		.values({
			moduleId,
			code: `trotuar_${tag}`,
			name: { ro: `Trotuar degradat ${tag}`, en: `Broken pavement ${tag}` },
			departmentId: department.id
		})
		.returning();
	clearSharedData();
	const email = `reporter-${tag}@example.ro`;
	const created = must(
		await createReport(anonymous(), moduleId, {
			categoryId: category.id,
			title: `Trotuar surpat pe strada Eminescu ${tag}`,
			description: 'Trotuarul s-a surpat în fața numărului 12; pietonii merg pe carosabil.',
			place: { address: 'Strada Mihai Eminescu 12', neighbourhoodId: null, lat: 45.7531, lng: 21.2305 },
			answers: {},
			showName: false,
			contact: { name: 'Ioana Popescu', email },
			photos: [],
			channel: 'web',
			locale: 'ro'
		})
	);
	return {
		reportId: created.id,
		registrationNumber: created.registrationNumber,
		email,
		title: `Trotuar surpat pe strada Eminescu ${tag}`
	};
}
