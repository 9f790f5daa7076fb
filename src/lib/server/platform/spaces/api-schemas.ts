/** The JSON API's zod schemas: the single source of the responses' shape and of the OpenAPI description. */
import { z } from 'zod';
import { locales } from '#lib/i18n/index.ts';
import { cityTimeZone } from './timeline.ts';

const localeMap = z
	.object(Object.fromEntries(locales.map((l) => [l, l === 'ro' ? z.string() : z.string().optional()])))
	.meta({ description: 'Text per locale; `ro` is always present and authoritative.' });

export const ApiText = z
	.union([localeMap, z.string()])
	.meta({ id: 'Text', description: 'Per-locale object; a string (Romanian fallback) when `locale` is requested.' });

export const ApiPhase = z
	.object({
		id: z.string(),
		position: z.number().int().meta({ description: 'Order in the timeline, from 0.' }),
		title: ApiText,
		description: ApiText,
		startsOn: z.iso.date().meta({ description: 'First day (inclusive), Europe/Bucharest.' }),
		endsOn: z.iso.date().meta({ description: 'Last day (inclusive), Europe/Bucharest.' }),
		status: z.enum(['past', 'current', 'upcoming'])
	})
	.meta({ id: 'Phase' });

export const ApiCounts = z.record(z.string(), z.number().int().nonnegative()).meta({
	id: 'Counts',
	description:
		'Statistics by key, from the modules’ manifests (e.g. `news_published`, `proposals_count`); a process adds `phases` and `modules` and sums its modules’ statistics.'
});

export const ApiModule = z
	.object({
		id: z.string(),
		kind: z.string().meta({ description: 'The module type: pages, news, proposals, meetings, surveys…' }),
		title: ApiText,
		url: z.string().meta({ description: 'Path of the module’s public page.' }),
		counts: ApiCounts
	})
	.meta({ id: 'Module' });

export const ApiProcess = z
	.object({
		id: z.string(),
		slug: z.string(),
		url: z.string().meta({ description: 'Path of the public page.' }),
		title: ApiText,
		summary: ApiText,
		description: ApiText,
		organiser: ApiText,
		decides: ApiText.meta({ description: 'What is decided, and by whom.' }),
		expectedResult: ApiText,
		coverImageUrl: z.string().nullable(),
		publishedAt: z.iso.datetime().nullable(),
		currentPhaseId: z.string().nullable(),
		nextPhaseId: z.string().nullable(),
		phases: z.array(ApiPhase),
		counts: ApiCounts
	})
	.meta({ id: 'Process' });

export const ApiProcessDetail = ApiProcess.extend({
	documents: z.array(z.object({ title: ApiText, url: z.string(), mimeType: z.string().nullable() })),
	modules: z.array(ApiModule)
}).meta({ id: 'ProcessDetail' });

export const ApiMeta = z.object({
	today: z.iso.date().meta({ description: 'The date in Timișoara the phase statuses were computed for.' }),
	timeZone: z.literal(cityTimeZone),
	locale: z.string().nullable()
});

export const ApiProcessList = z.object({ data: z.array(ApiProcess), meta: ApiMeta }).meta({ id: 'ProcessList' });
export const ApiProcessResponse = z.object({ data: ApiProcessDetail, meta: ApiMeta }).meta({ id: 'ProcessResponse' });
export const ApiError = z.object({ error: z.string(), message: z.string() }).meta({ id: 'Error' });
