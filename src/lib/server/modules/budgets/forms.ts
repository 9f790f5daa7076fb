/** Input schemas of the ideas forms (zod; messages are message keys) and readers for submitted HTML forms. */
import { z } from 'zod';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';
import { authorKinds } from './rules.ts';

const optionalId = z
	.string()
	.trim()
	.max(64)
	.transform((v) => v || null)
	.nullable()
	.optional();

/** Whole lei, written with or without thousands separators ("120.000", "120 000"); empty is null. */
const optionalLei = (message: string) =>
	z.union([z.string(), z.number()]).transform((raw, ctx): number | null => {
		const v = String(raw).trim();
		if (v === '') return null;
		const n = Number(v.replace(/[\s.,]/g, ''));
		if (!Number.isInteger(n) || n <= 0 || n > 2_000_000_000) {
			ctx.addIssue({ code: 'custom', message });
			return z.NEVER;
		}
		return n;
	});
const lei = (message: string) =>
	optionalLei(message).transform((n, ctx): number => {
		if (n === null) {
			ctx.addIssue({ code: 'custom', message: 'validation_required' });
			return z.NEVER;
		}
		return n;
	});

export const IdeaInput = z.object({
	title: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.min(10, 'budgets_error_title_short')
		.max(150, 'validation_too_long'),
	body: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.min(30, 'budgets_error_body_short')
		.max(10_000, 'validation_too_long'),
	zoneId: z.string().trim().min(1, 'budgets_error_pot').max(64),
	categoryId: optionalId,
	estimatedCost: lei('budgets_error_cost'),
	authorKind: z.enum(authorKinds, 'budgets_error_author_kind').default('citizen')
});
export type IdeaInput = z.input<typeof IdeaInput> & {
	place?: { place_address?: string; place_neighbourhood_id?: string; place_lat?: string; place_lng?: string };
};

/** Files an idea form carries: new photos, and photos ticked for removal (edit only). */
export interface IdeaFiles {
	photos?: File[];
	remove?: string[];
}

const filesOf = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is File => v instanceof File && v.size > 0);

export function readIdeaForm(form: FormData): { input: IdeaInput; files: IdeaFiles } {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		input: {
			title: text('title'),
			body: text('body'),
			zoneId: text('zoneId'),
			categoryId: text('categoryId'),
			estimatedCost: text('estimatedCost'),
			authorKind: (text('authorKind') || 'citizen') as IdeaInput['authorKind'],
			place: {
				place_address: text('place_address'),
				place_neighbourhood_id: text('place_neighbourhood_id'),
				place_lat: text('place_lat'),
				place_lng: text('place_lng')
			}
		},
		files: { photos: filesOf(form, 'photos'), remove: form.getAll('removeFile').map(String) }
	};
}

export const PotInput = z.object({
	code: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.max(12, 'validation_too_long')
		.regex(/^[A-Z0-9]+$/, 'budgets_error_pot_code'),
	name: translatedInput(100),
	/** A platform zone, or empty for the city-wide pot. */
	zoneId: optionalId,
	budget: lei('budgets_error_money'),
	maxProjectCost: optionalLei('budgets_error_money'),
	minEligibleProjects: z.coerce.number().int('budgets_error_count').min(0, 'budgets_error_count').max(1000),
	population: z.union([z.string(), z.number()]).transform((raw, ctx) => {
		const v = String(raw)
			.trim()
			.replace(/[\s.,]/g, '');
		if (v === '') return null;
		const n = Number(v);
		if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
			ctx.addIssue({ code: 'custom', message: 'budgets_error_count' });
			return z.NEVER;
		}
		return n;
	}),
	position: z.coerce.number().int().min(0).max(1000).catch(0)
});
export type PotInput = z.input<typeof PotInput>;
export const readPotForm = (form: FormData): PotInput => ({
	code: String(form.get('code') ?? '').toUpperCase(),
	name: readTranslated(form, 'name') as PotInput['name'],
	zoneId: String(form.get('zoneId') ?? ''),
	budget: String(form.get('budget') ?? ''),
	maxProjectCost: String(form.get('maxProjectCost') ?? ''),
	minEligibleProjects: String(form.get('minEligibleProjects') ?? '0'),
	population: String(form.get('population') ?? ''),
	position: String(form.get('position') ?? '0')
});

export const CategoryInput = z.object({ name: translatedInput(100) });
export type CategoryInput = z.input<typeof CategoryInput>;
export const readCategoryForm = (form: FormData): CategoryInput => ({
	name: readTranslated(form, 'name') as CategoryInput['name']
});

const reason = z.string().trim().max(5_000, 'validation_too_long');

export const EligibilityInput = z
	.object({ outcome: z.enum(['eligible', 'ineligible'], 'budgets_error_outcome'), reason })
	.refine((v) => v.outcome === 'eligible' || v.reason.length > 0, {
		message: 'budgets_error_reason_required',
		path: ['reason']
	});
export type EligibilityInput = z.input<typeof EligibilityInput>;

export const EvaluationInput = z
	.object({
		outcome: z.enum(['feasible', 'unfeasible'], 'budgets_error_outcome'),
		reason,
		cityCost: optionalLei('budgets_error_cost')
	})
	.refine((v) => v.outcome === 'feasible' || v.reason.length > 0, {
		message: 'budgets_error_reason_required',
		path: ['reason']
	})
	.refine((v) => v.outcome === 'unfeasible' || v.cityCost !== null, {
		message: 'budgets_error_city_cost_required',
		path: ['cityCost']
	});
export type EvaluationInput = z.input<typeof EvaluationInput>;

export const AppealInput = z.object({
	text: z
		.string()
		.trim()
		.min(1, 'validation_required')
		.min(20, 'budgets_error_appeal_short')
		.max(5_000, 'validation_too_long')
});
export type AppealInput = z.input<typeof AppealInput>;

export const AppealDecisionInput = z.object({
	outcome: z.enum(['upheld', 'dismissed'], 'budgets_error_outcome'),
	reason: z.string().trim().min(1, 'budgets_error_reason_required').max(5_000, 'validation_too_long')
});
export type AppealDecisionInput = z.input<typeof AppealDecisionInput>;

/** The public list's query string (invalid values fall back to defaults). */
export const ProjectQuery = z.object({
	q: z.string().trim().max(100).catch('').default(''),
	pot: z.string().trim().max(64).catch('').default(''),
	category: z.string().trim().max(64).catch('').default(''),
	state: z.enum(['', 'idea', 'eligible', 'ineligible', 'ballot', 'funded', 'withdrawn']).catch('').default(''),
	view: z.enum(['list', 'map']).catch('list').default('list')
});
export type ProjectQuery = z.output<typeof ProjectQuery>;
export const readProjectQuery = (params: URLSearchParams): ProjectQuery =>
	ProjectQuery.parse(Object.fromEntries([...params.entries()].filter(([, v]) => v !== '')));
