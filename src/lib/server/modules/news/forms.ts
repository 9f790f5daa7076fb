/** The announcement form: translatable title and Markdown body, optional image alt text, pinned, when to publish. */
import { z } from 'zod';
import { readTranslated, translatedInput } from '../../platform/spaces/forms.ts';

export const NewsInput = z
	.object({
		title: translatedInput(200),
		body: translatedInput(50_000),
		imageAlt: translatedInput(300, { required: false }),
		pinned: z.boolean().default(false),
		/** now: publish at once; later: at `publishAt`; draft: not yet. */
		publish: z.enum(['now', 'later', 'draft'], { message: 'news_error_publish_choice' }),
		/** `YYYY-MM-DDTHH:mm` in Europe/Bucharest time, from a datetime-local input. */
		publishAt: z.string().trim().optional()
	})
	.superRefine((v, ctx) => {
		if (v.publish !== 'later') return;
		if (!v.publishAt || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.publishAt))
			ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'news_error_publish_at' });
	});
export type NewsInput = z.input<typeof NewsInput>;

export const readNewsForm = (form: FormData): NewsInput => ({
	title: readTranslated(form, 'title') as NewsInput['title'],
	body: readTranslated(form, 'body') as NewsInput['body'],
	imageAlt: readTranslated(form, 'imageAlt') as NewsInput['imageAlt'],
	pinned: form.get('pinned') === 'on' || form.get('pinned') === 'true',
	publish: String(form.get('publish') ?? '') as NewsInput['publish'],
	publishAt: String(form.get('publishAt') ?? '') || undefined
});

/** A wall-clock time in Timișoara (`2027-03-01T18:00`) as an instant, whatever the server's time zone. */
export function bucharestTime(local: string): Date {
	const asUtc = new Date(`${local}:00Z`);
	// The offset of Europe/Bucharest at that moment (+2 in winter, +3 in summer).
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Bucharest',
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	}).formatToParts(asUtc);
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
	return new Date(asUtc.getTime() - (shown - asUtc.getTime()));
}

/** The instant as the datetime-local value a Timișoara reader expects. */
export function toBucharestLocal(d: Date): string {
	const parts = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Bucharest',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	}).format(d);
	return parts.replace(' ', 'T');
}
