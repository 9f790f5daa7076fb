/**
 * Generates docs/api/openapi.json (OpenAPI 3.1) from the API's zod schemas. Run `node scripts/generate-openapi.ts`
 * after changing them and commit the result; a unit test fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
	ApiCounts,
	ApiError,
	ApiModule,
	ApiPhase,
	ApiProcess,
	ApiProcessDetail,
	ApiProcessList,
	ApiProcessResponse,
	ApiText
} from '../src/lib/server/platform/spaces/api-schemas.ts';
import { ApiProposal, ApiProposalList } from '../src/lib/server/modules/proposals/index.ts';
import {
	ApiBudgetBallots,
	ApiBudgetBallotsFile,
	ApiBudgetEdition,
	ApiBudgetEditionList,
	ApiBudgetPot,
	ApiBudgetPotResult,
	ApiBudgetResults
} from '../src/lib/server/modules/budgets/index.ts';
import { ApiReportsStats, ApiReportsStatsRow } from '../src/lib/server/modules/reports/index.ts';

export const openApiPath = fileURLToPath(new URL('../docs/api/openapi.json', import.meta.url));

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonOf = (id: string) => ({ 'application/json': { schema: ref(id) } });

const localeParameter = {
	name: 'locale',
	in: 'query',
	required: false,
	description:
		'ro, en, hu, de, sr or uk: translatable fields become strings in that language (Romanian when not translated). Without it they are objects with one entry per locale.',
	schema: { type: 'string', enum: ['ro', 'en', 'hu', 'de', 'sr', 'uk'] }
};

/**
 * Every named schema (each has `.meta({ id })`). To document a new endpoint: add its zod schemas here and its
 * operation to `apiPaths` below, then run this script.
 */
export const apiSchemas: z.ZodType[] = [
	ApiText,
	ApiCounts,
	ApiPhase,
	ApiModule,
	ApiProcess,
	ApiProcessDetail,
	ApiProcessList,
	ApiProcessResponse,
	ApiError,
	ApiProposal,
	ApiProposalList,
	ApiBudgetPot,
	ApiBudgetEdition,
	ApiBudgetEditionList,
	ApiBudgetPotResult,
	ApiBudgetResults,
	ApiBudgetBallotsFile,
	ApiBudgetBallots,
	ApiReportsStatsRow,
	ApiReportsStats
];

const idParameter = (description: string) => ({
	name: 'id',
	in: 'path',
	required: true,
	schema: { type: 'string' },
	description
});

/** Every operation, by path (relative to the server URL /api/v1). */
export const apiPaths: Record<string, Record<string, unknown>> = {
	'/processes': {
		get: {
			operationId: 'listProcesses',
			summary: 'Published participatory processes, with their phases, current phase and counts',
			parameters: [localeParameter],
			responses: {
				'200': {
					description: 'The published processes, most recently published first.',
					content: jsonOf('ProcessList')
				}
			}
		}
	},
	'/processes/{id}': {
		get: {
			operationId: 'getProcess',
			summary: 'One published process, with phases, documents, public modules and their counts',
			parameters: [idParameter('The process id or its URL slug.'), localeParameter],
			responses: {
				'200': { description: 'The process.', content: jsonOf('ProcessResponse') },
				'404': { description: 'No published process has this id or slug.', content: jsonOf('Error') }
			}
		}
	},
	'/processes/{id}/proposals': {
		get: {
			operationId: 'listProcessProposals',
			summary:
				'Proposals of a published process, paged, with filters; no personal data beyond the author’s public name',
			parameters: [
				idParameter('The process id or its URL slug.'),
				{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
				{
					name: 'per_page',
					in: 'query',
					required: false,
					schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }
				},
				{
					name: 'state',
					in: 'query',
					required: false,
					schema: { type: 'string' },
					description: 'published (not answered yet), evaluating, accepted, rejected, withdrawn, or a custom state id.'
				},
				{ name: 'category', in: 'query', required: false, schema: { type: 'string' }, description: 'A category id.' },
				{
					name: 'neighbourhood',
					in: 'query',
					required: false,
					schema: { type: 'string' },
					description: 'A neighbourhood id.'
				},
				{ name: 'q', in: 'query', required: false, schema: { type: 'string' }, description: 'Words to find.' },
				{
					name: 'sort',
					in: 'query',
					required: false,
					schema: { type: 'string', enum: ['newest', 'supported'], default: 'newest' }
				},
				localeParameter
			],
			responses: {
				'200': { description: 'One page of proposals and the total.', content: jsonOf('ProposalList') },
				'400': { description: 'A query parameter is out of range (e.g. per_page over 100).', content: jsonOf('Error') },
				'404': {
					description: 'No published process with public proposals has this id or slug.',
					content: jsonOf('Error')
				}
			}
		}
	},
	'/meetings/{id}.ics': {
		get: {
			operationId: 'getMeetingCalendar',
			summary: 'One announced meeting as an iCalendar file (RFC 5545); a cancelled meeting has STATUS:CANCELLED',
			parameters: [idParameter('The meeting id.')],
			responses: {
				'200': {
					description:
						'A VCALENDAR with one VEVENT (UID, DTSTAMP, DTSTART/DTEND in UTC, SEQUENCE). The calendar of a whole process is at /feeds/processes/{id or slug}.ics.',
					content: { 'text/calendar': {} }
				},
				'404': { description: 'No announced meeting has this id.' }
			}
		}
	},
	'/consultations/{id}/register.csv': {
		get: {
			operationId: 'getConsultationRegister',
			summary: 'The public register of recommendations on a draft act under Law 52/2003 (no contact data, no accounts)',
			parameters: [idParameter('The consultations module id, or the slug of the consultation space.')],
			responses: {
				'200': {
					description:
						'CSV (RFC 4180, UTF-8, header row): consultation_id, number, received_on, channel, late, author, article, text, outcome, outcome_reason. Numbers are sequential per consultation, without gaps.',
					content: { 'text/csv': {} }
				},
				'404': { description: 'No published consultation has this id or slug.' }
			}
		}
	},
	'/budgets': {
		get: {
			operationId: 'listBudgetEditions',
			summary:
				'Published participatory-budgeting editions: pots, phases, stage, counting rules and, once counted, links to the results and the published ballots files with their SHA-256 and re-count commands',
			parameters: [localeParameter],
			responses: { '200': { description: 'The published editions.', content: jsonOf('BudgetEditionList') } }
		}
	},
	'/budgets/{id}/results': {
		get: {
			operationId: 'getBudgetResults',
			summary:
				'Results of a counted edition, per pot: rule, tie-break, funded project codes (the ids in the ballots files), leftover, every project’s votes and the engine’s reason',
			parameters: [idParameter('The edition (budgets module) id.'), localeParameter],
			responses: {
				'200': { description: 'The results.', content: jsonOf('BudgetResults') },
				'404': { description: 'No published edition with results has this id.', content: jsonOf('Error') }
			}
		}
	},
	'/budgets/{id}/ballots': {
		get: {
			operationId: 'listBudgetBallots',
			summary:
				'The published Pabulib ballots files of a counted edition (one per pot), with SHA-256 and the command that re-counts each',
			parameters: [idParameter('The edition (budgets module) id.')],
			responses: {
				'200': { description: 'The files.', content: jsonOf('BudgetBallots') },
				'404': { description: 'No published edition with results has this id.', content: jsonOf('Error') }
			}
		}
	},
	'/reports/stats': {
		get: {
			operationId: 'getReportsStats',
			summary:
				'Statistics of the city’s problem reports (sesizări), in total, per department and per neighbourhood: volume, open and fixed counts, median days to the first answer and to the fix, overdue share against the OG 27/2002 answer date',
			parameters: [
				{
					name: 'from',
					in: 'query',
					required: false,
					schema: { type: 'string', format: 'date' },
					description: 'Only reports registered on or after this date (YYYY-MM-DD, Europe/Bucharest).'
				},
				{
					name: 'to',
					in: 'query',
					required: false,
					schema: { type: 'string', format: 'date' },
					description: 'Only reports registered on or before this date (YYYY-MM-DD, Europe/Bucharest).'
				},
				localeParameter
			],
			responses: {
				'200': { description: 'The statistics.', content: jsonOf('ReportsStats') },
				'400': { description: 'A date parameter is not YYYY-MM-DD.', content: jsonOf('Error') },
				'404': { description: 'The city has no published reports module.', content: jsonOf('Error') }
			}
		}
	},
	'/openapi.json': {
		get: {
			operationId: 'getOpenApi',
			summary: 'This description',
			responses: { '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': {} } } }
		}
	}
};

/** The whole description, deterministic (same input → same bytes). */
export function buildOpenApi() {
	const registry = z.registry<{ id: string }>();
	for (const schema of apiSchemas) registry.add(schema, { id: (schema.meta() as { id: string }).id });
	const { schemas } = z.toJSONSchema(registry, {
		target: 'draft-2020-12',
		uri: (id) => `#/components/schemas/${id}`,
		io: 'output'
	});
	return {
		openapi: '3.1.0',
		info: {
			title: 'Vocea API',
			version: '1.0.0',
			description:
				'Read-only JSON API of Vocea, the participatory-governance platform of Timișoara. Phase dates are calendar days in Europe/Bucharest; the current phase is computed for the request time.',
			license: { name: 'MPL-2.0', identifier: 'MPL-2.0' }
		},
		servers: [{ url: '/api/v1' }],
		paths: apiPaths,
		components: {
			schemas: Object.fromEntries(
				Object.entries(schemas)
					.sort(([a], [b]) => a.localeCompare(b))
					.map(([id, s]) => {
						const { $schema: _drop, $id: _id, ...rest } = s as Record<string, unknown>;
						return [id, rest];
					})
			)
		}
	};
}

/** The file's exact text: formatted by the project's Prettier settings, so `prettier --check` agrees with it. */
export async function renderOpenApi(): Promise<string> {
	const prettier = await import('prettier');
	const options = (await prettier.resolveConfig(openApiPath)) ?? {};
	return prettier.format(JSON.stringify(buildOpenApi()), { ...options, filepath: openApiPath });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	writeFileSync(openApiPath, await renderOpenApi());
	console.log(`wrote ${openApiPath}`);
}
