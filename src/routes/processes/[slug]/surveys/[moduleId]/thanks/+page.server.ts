/** Public: confirmation after answering, with a reference the person can quote. */
import type { PageServerLoad } from './$types';
import { viewSurvey } from '#lib/server/modules/surveys/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const survey = await viewSurvey(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId });
	return {
		module: survey.module,
		space: survey.space,
		canSeeResults: survey.canSeeResults,
		closesOn: survey.closesOn,
		reference: (url.searchParams.get('ref') ?? '').replace(/[^A-Z0-9]/g, '').slice(0, 8),
		updated: url.searchParams.has('updated')
	};
};
