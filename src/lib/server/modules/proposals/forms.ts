/** Input schemas of the proposals forms (zod; messages are message keys) and readers for submitted HTML forms. */
import { z } from 'zod';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';
import { hexColour } from './colours.ts';

const optionalId = z
	.string()
	.trim()
	.max(64)
	.transform((v) => v || null)
	.nullable()
	.optional();

export const ProposalInput = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.min(10, 'proposals_error_title_short')
		.max(150, 'validation_too_long'),
	body: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.min(30, 'proposals_error_body_short')
		.max(10_000, 'validation_too_long'),
	categoryId: optionalId
});

/** The proposal's text and category, plus the shared place fields (read by the platform's `readPlace`). */
export type ProposalInput = z.input<typeof ProposalInput> & {
	place?: { place_address?: string; place_neighbourhood_id?: string; place_lat?: string; place_lng?: string };
};

/** Files a proposal form carries: new photos and attachments, and files ticked for removal (edit only). */
export interface ProposalFiles {
	photos?: File[];
	attachments?: File[];
	remove?: string[];
}

const files = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is File => v instanceof File && v.size > 0);

export function readProposalForm(form: FormData): { input: ProposalInput; files: ProposalFiles } {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		input: {
			title: text('title'),
			body: text('body'),
			categoryId: text('categoryId'),
			place: {
				place_address: text('place_address'),
				place_neighbourhood_id: text('place_neighbourhood_id'),
				place_lat: text('place_lat'),
				place_lng: text('place_lng')
			}
		},
		files: {
			photos: files(form, 'photos'),
			attachments: files(form, 'attachments'),
			remove: form.getAll('removeFile').map(String)
		}
	};
}

export const builtInStates = ['evaluating', 'accepted', 'rejected'] as const;

export const AnswerInput = z.object({
	/** evaluating | accepted | rejected | custom:<state id> */
	state: z
		.string()
		.trim()
		.refine((s) => (builtInStates as readonly string[]).includes(s) || /^custom:[\w-]{1,64}$/.test(s), {
			message: 'proposals_error_state'
		}),
	answer: translatedInput(10_000),
	costEstimate: z
		.string()
		.trim()
		.transform((v, ctx) => {
			if (v === '') return null;
			const n = Number(v.replace(/[\s.]/g, ''));
			if (!Number.isInteger(n) || n < 0 || n > 2_000_000_000) {
				ctx.addIssue({ code: 'custom', message: 'proposals_error_cost' });
				return z.NEVER;
			}
			return n;
		})
		.optional()
});
export type AnswerInput = z.input<typeof AnswerInput>;

export const readAnswerForm = (form: FormData): AnswerInput => ({
	state: String(form.get('state') ?? ''),
	answer: readTranslated(form, 'answer') as AnswerInput['answer'],
	costEstimate: String(form.get('costEstimate') ?? '')
});

export const CategoryInput = z.object({ name: translatedInput(100) });
export type CategoryInput = z.input<typeof CategoryInput>;
export const readCategoryForm = (form: FormData): CategoryInput => ({
	name: readTranslated(form, 'name') as CategoryInput['name']
});

export const StateInput = z.object({
	name: translatedInput(60),
	colour: z.string().trim().regex(hexColour, 'proposals_error_colour')
});
export type StateInput = z.input<typeof StateInput>;
export const readStateForm = (form: FormData): StateInput => ({
	name: readTranslated(form, 'name') as StateInput['name'],
	colour: String(form.get('colour') ?? '')
});

export const NoteInput = z.object({
	body: z.string().trim().min(1, 'validation_required').max(5_000, 'validation_too_long')
});

/** The public list's query string: filters, sort, random seed and page (invalid values fall back to defaults). */
export const ListQuery = z.object({
	q: z.string().trim().max(100).catch('').default(''),
	neighbourhood: z.string().trim().max(64).catch('').default(''),
	category: z.string().trim().max(64).catch('').default(''),
	state: z.string().trim().max(80).catch('').default(''),
	sort: z.enum(['supported', 'newest', 'random']).catch('newest').default('newest'),
	seed: z.coerce.number().int().min(1).max(999_999).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
	view: z.enum(['list', 'map']).catch('list').default('list'),
	assigned: z
		.string()
		.optional()
		.transform((v) => v === '1')
});
export type ListQuery = z.output<typeof ListQuery>;

export const readListQuery = (params: URLSearchParams): ListQuery =>
	ListQuery.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== '')));
