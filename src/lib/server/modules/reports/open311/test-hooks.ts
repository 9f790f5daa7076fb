/**
 * For e2e stories only (`/test-hooks/open311`, which answers only when test hooks are on): makes sure the city has a
 * published reports module, adds a department and a category with questions under a fresh service code, and issues
 * an API key, so real Open311 clients can be run against the server.
 */
import { randomBytes } from 'node:crypto';
import { system } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { clearSharedData } from '../../../platform/http/shared-data.ts';
import { createApiKey } from '../commands/create-api-key.ts';
import { reportsCategories } from '../schema.ts';
import { open311Config } from './config.ts';
import { ensureCityReportsModule, must } from '../test-hook-module.ts';

export async function open311ForTests() {
	const tag = randomBytes(3).toString('hex');
	const moduleId = await ensureCityReportsModule();
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
