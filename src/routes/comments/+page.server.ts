/** Targets of the comment forms shown under resources: write, vote, delete; success goes back to the thread. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { createComment, deleteComment, voteComment } from '#lib/server/platform/comments/index.ts';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

function back(form: FormData, locale: string, anchor: string): string {
	const to = safeNext(field(form, 'returnTo')) ?? localizedPath('/', locale);
	return `${to.split('#')[0]}#${anchor}`;
}

const signIn = (form: FormData, locale: string) =>
	redirect(
		303,
		`${localizedPath('/account/sign-in', locale)}?next=${encodeURIComponent(back(form, locale, 'comments'))}`
	);

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		if (!isUser(locals.actor)) signIn(form, locals.locale);
		const parentId = field(form, 'parentId') || null;
		const input = { body: field(form, 'body'), alignment: field(form, 'alignment') || undefined };
		const result = await createComment(
			locals.actor,
			{ resourceType: field(form, 'resourceType'), resourceId: field(form, 'resourceId'), parentId },
			input
		);
		if (!result.ok)
			return fail(400, {
				errors: result.errors,
				values: {
					...input,
					parentId,
					resourceType: field(form, 'resourceType'),
					resourceId: field(form, 'resourceId'),
					returnTo: field(form, 'returnTo')
				}
			});
		redirect(303, back(form, locals.locale, `comment-${result.value.id}`));
	},
	vote: async ({ request, locals }) => {
		const form = await request.formData();
		if (!isUser(locals.actor)) signIn(form, locals.locale);
		const id = field(form, 'commentId');
		await voteComment(locals.actor, id, field(form, 'vote'));
		redirect(303, back(form, locals.locale, `comment-${id}`));
	},
	delete: async ({ request, locals }) => {
		const form = await request.formData();
		if (!isUser(locals.actor)) signIn(form, locals.locale);
		await deleteComment(locals.actor, field(form, 'commentId'));
		redirect(303, back(form, locals.locale, 'comments'));
	}
};
