/**
 * Benchmark baseline, served only with VOCEA_BENCH=1 (bench/participation, bench/budgets): the site's hooks and layout
 * with no database work of its own, so page throughput can be compared with what the framework costs on the same
 * server; and a form post that does nothing but answer 303 (the floor under any form action, e.g. a ballot cast).
 */
import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const benchOnly = () => {
	if (process.env.VOCEA_BENCH !== '1') error(404, 'not_found');
};

export const load: PageServerLoad = () => {
	benchOnly();
	return {};
};

export const actions = {
	default: async ({ request }) => {
		benchOnly();
		await request.formData();
		redirect(303, '/bench/bare');
	}
} satisfies Actions;
