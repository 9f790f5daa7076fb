/**
 * For the staff e2e story only (`/test-hooks/reports/staff`, answering only when test hooks are on): makes sure the
 * city has a published reports module, adds a department with a routed category, and files a report through the
 * real `createReport` as a person without an account who left an e-mail address (so each update reaches them by
 * e-mail, in the outbox).
 */
import { randomBytes } from 'node:crypto';
import { anonymous } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { departments } from '../../platform/db/schema.ts';
import { clearSharedData } from '../../platform/http/shared-data.ts';
import { createReport } from './commands/create-report.ts';
import { reportsCategories } from './schema.ts';
import { ensureCityReportsModule, must } from './test-hook-module.ts';

export async function staffStoryForTests() {
	const tag = randomBytes(3).toString('hex');
	const moduleId = await ensureCityReportsModule();
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
