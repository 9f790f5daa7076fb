/**
 * Benchmark baseline, served only with VOCEA_BENCH=1 (bench/participation): the site's hooks and layout with no
 * database work of its own, so page throughput can be compared with what the framework costs on the same server.
 */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	if (process.env.VOCEA_BENCH !== '1') error(404, 'not_found');
	return {};
};
