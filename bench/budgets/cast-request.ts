/**
 * How a browser without JavaScript casts a ballot on the vote page (`/processes/<slug>/budgets/<moduleId>/vote`,
 * action `?/cast`, the voting helper's route), for the benchmark's clients: the form POST of one voter's ballot,
 * and the reading of the answer. The answer to a cast is a 303 to the receipt page with the receipt in a short-lived
 * HttpOnly cookie (vote-cookies.ts): that answer, sent after COMMIT, is the acknowledgement. Kept apart so the
 * benchmark follows the vote form when it changes.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CastDataset } from './dataset.ts';

export type CastAnswer =
	| { kind: 'cast'; receipt: string }
	| { kind: 'already_voted' }
	| { kind: 'rejected'; status: number; detail: string }
	| { kind: 'error'; detail: string };

/** The receipt code as the box stores it: sha256 of the canonical code (receipt.ts), computed on the client side. */
export const receiptHashOf = (receipt: string) =>
	createHash('sha256').update(receipt.replace(/-/g, '').toUpperCase()).digest('hex');

/**
 * The form POST of voter `index`'s ballot: the voter's zone pot (voterZones = choice), 1 to 5 of its projects
 * (approval, the edition's default design; varied by voter), and the age and residence declarations.
 */
export function castRequest(
	dataset: CastDataset,
	index: number
): { path: string; body: string; headers: Record<string, string> } {
	const voter = dataset.voters[index];
	const pot = dataset.pots[voter.potIndex];
	const form = new URLSearchParams({ zone: pot.id });
	const count = 1 + (index % 5);
	for (let k = 0; k < count; k++) form.append('project', pot.projects[(index * 7 + k * 3) % pot.projects.length].id);
	form.append('declareAge', 'on');
	form.append('declareResidence', 'on');
	return {
		path: `/processes/${dataset.slug}/budgets/${dataset.moduleId}/vote?/cast`,
		body: form.toString(),
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	};
}

/** What the voter was told: the receipt (303 + receipt cookie), "you already voted" (409), or a rejection. */
export function readCastAnswer(status: number, headers: IncomingHttpHeaders, body: string): CastAnswer {
	if (status === 303) {
		for (const c of headers['set-cookie'] ?? []) {
			const [name, ...rest] = c.split(';')[0].split('=');
			if (!name.startsWith('vocea_vote_receipt_')) continue;
			try {
				const flash = JSON.parse(decodeURIComponent(rest.join('='))) as { receipt?: string };
				if (typeof flash.receipt === 'string') return { kind: 'cast', receipt: flash.receipt };
			} catch {
				/* not a receipt */
			}
		}
		return { kind: 'rejected', status, detail: `303 without a receipt to ${headers.location}` };
	}
	if (status === 409) return { kind: 'already_voted' };
	const error = body.match(/<li[^>]*>\s*<a[^>]*>([^<]+)</)?.[1] ?? body.slice(0, 200);
	return { kind: 'rejected', status, detail: error.trim() };
}
