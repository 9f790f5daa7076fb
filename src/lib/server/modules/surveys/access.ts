/** Loads a survey module and its context for a command or view (a module of another space is a 404). */
import { getDb } from '../../platform/db/index.ts';
import { loadModule } from '../../platform/modules/runtime.ts';
import { NotFoundError } from '../../platform/result.ts';
import { surveys } from './manifest.ts';
import type { SurveysGlobalSettings, SurveysPhaseSettings } from './settings.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';

export type SurveyContext = ModuleContext<SurveysGlobalSettings, SurveysPhaseSettings>;

export async function loadSurvey(moduleId: string, where: { spaceId?: string; spaceSlug?: string } = {}) {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, surveys, moduleId);
	if (where.spaceId !== undefined && ctx.space.id !== where.spaceId) throw new NotFoundError('module');
	if (where.spaceSlug !== undefined && ctx.space.slug !== where.spaceSlug) throw new NotFoundError('module');
	return { db, ctx: ctx as SurveyContext, instance };
}
