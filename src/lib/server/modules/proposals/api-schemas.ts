/** The JSON API's schemas for proposals: the responses' shape and their OpenAPI description. */
import { z } from 'zod';
import { ApiText } from '../../platform/spaces/api-schemas.ts';

export const ApiProposal = z
	.object({
		id: z.string(),
		moduleId: z.string(),
		url: z.string().meta({ description: 'Path of the proposal page.' }),
		title: z.string().meta({ description: 'As written by its author (not translated).' }),
		authorName: z
			.string()
			.nullable()
			.meta({ description: 'Public display name of the author; null for deleted accounts.' }),
		category: z.object({ id: z.string(), name: ApiText }).nullable(),
		neighbourhood: z.object({ id: z.string(), name: ApiText }).nullable(),
		address: z.string().nullable(),
		latitude: z.number().nullable(),
		longitude: z.number().nullable(),
		state: z
			.enum(['published', 'evaluating', 'accepted', 'rejected', 'custom'])
			.meta({ description: '`published`: not answered yet; `custom`: see customState.' }),
		customState: z.object({ id: z.string(), name: ApiText, colour: z.string() }).nullable(),
		supports: z.number().int(),
		costEstimateLei: z.number().int().nullable(),
		withdrawn: z.boolean(),
		createdAt: z.iso.datetime(),
		answeredAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'Proposal' });

export const ApiProposalList = z
	.object({
		data: z.array(ApiProposal),
		meta: z.object({
			page: z.number().int(),
			perPage: z.number().int(),
			total: z.number().int(),
			pages: z.number().int(),
			locale: z.string().nullable()
		})
	})
	.meta({ id: 'ProposalList' });

/** Query parameters of GET /processes/{id}/proposals; bad values are a 400, not silently ignored. */
export const ApiProposalQuery = z.object({
	page: z.coerce.number().int().min(1).max(100_000).default(1),
	per_page: z.coerce.number().int().min(1).max(100).default(20),
	state: z.string().max(80).optional(),
	category: z.string().max(64).optional(),
	neighbourhood: z.string().max(64).optional(),
	q: z.string().max(100).optional(),
	sort: z.enum(['newest', 'supported']).default('newest'),
	locale: z.string().optional()
});
