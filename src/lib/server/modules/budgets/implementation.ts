/**
 * Implementation tracking of funded projects (Decidim's "accountability"): the statuses a funded project goes
 * through, and the two staff forms — the project's current state (department, status, progress, money spent) and a
 * timeline entry (text per locale, photos, the state at that time).
 */
import { z } from 'zod';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';

export { PROJECT_RESOURCE } from './queries.ts';

export const implementationStatuses = [
	'not_started',
	'design',
	'procurement',
	'works',
	'completed',
	'cancelled'
] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/** Photos one timeline entry may carry. */
export const MAX_PROGRESS_PHOTOS = 6;

const wholeNumber = (max: number, message: string) =>
	z
		.string()
		.trim()
		.transform((v, ctx) => {
			if (v === '') return null;
			const n = Number(v.replace(/[\s.]/g, ''));
			if (!Number.isInteger(n) || n < 0 || n > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

const state = {
	status: z.enum(implementationStatuses, { message: 'budgets_impl_error_status' }),
	progress: wholeNumber(100, 'budgets_impl_error_progress').refine((v) => v !== null, 'budgets_impl_error_progress'),
	spent: wholeNumber(10_000_000_000, 'budgets_impl_error_spent')
};

/** The project's current implementation state; a reason is required when it is cancelled. */
export const ImplementationInput = z
	.object({
		...state,
		departmentId: z
			.string()
			.trim()
			.max(64)
			.transform((v) => v || null),
		reason: z.string().trim().max(2_000, 'validation_too_long').default('')
	})
	.superRefine((v, ctx) => {
		if (v.status === 'cancelled' && !v.reason)
			ctx.addIssue({ code: 'custom', path: ['reason'], message: 'budgets_impl_error_reason_required' });
	});
export type ImplementationInput = z.input<typeof ImplementationInput>;

/** A timeline entry: what happened (Romanian required), with the state at that time. */
export const ProgressEntryInput = z.object({
	...state,
	text: translatedInput(5_000),
	/** Carried by the form: a repeated submission (double click, retried request) adds nothing more. */
	submissionKey: z.string().trim().max(64).optional()
});
export type ProgressEntryInput = z.input<typeof ProgressEntryInput>;

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const readImplementationForm = (form: FormData): ImplementationInput => ({
	status: text(form, 'status') as ImplementationStatus,
	progress: text(form, 'progress'),
	spent: text(form, 'spent'),
	departmentId: text(form, 'departmentId'),
	reason: text(form, 'reason')
});

export function readProgressEntryForm(form: FormData): { input: ProgressEntryInput; photos: File[] } {
	return {
		input: {
			status: text(form, 'status') as ImplementationStatus,
			progress: text(form, 'progress'),
			spent: text(form, 'spent'),
			text: readTranslated(form, 'text') as ProgressEntryInput['text'],
			submissionKey: text(form, 'submissionKey') || undefined
		},
		photos: form.getAll('photos').filter((v): v is File => v instanceof File && v.size > 0)
	};
}
