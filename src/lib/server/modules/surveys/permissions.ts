/**
 * Who may do what in a survey: everyone reads a published survey; signed-in people answer while answers are open
 * (and before the closing date); results are staff-only unless published; the space's administrators and the
 * platform's process managers build the questionnaire.
 */
import { hasSpaceRole, isUser, type Actor } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import type { SurveysGlobalSettings, SurveysPhaseSettings } from './settings.ts';

export const surveysActions = ['read', 'answer', 'results', 'manage'] as const;
export type SurveysAction = (typeof surveysActions)[number];

export const managesSurveys = (actor: Actor, spaceId: string) =>
	canAdmin(actor, 'processes.manage').allowed || hasSpaceRole(actor, spaceId, 'admin');

type Ctx = ModuleContext<SurveysGlobalSettings, SurveysPhaseSettings>;

/** Whether answers are accepted now: the phase opens them and the closing date (if any) has not passed. */
export function answersOpen(ctx: Ctx, today: string = todayInBucharest()): boolean {
	if (ctx.phaseSettings.answers !== 'open') return false;
	return !ctx.settings.closesOn || today <= ctx.settings.closesOn;
}

export function surveysPermissions(actor: Actor, action: SurveysAction, ctx: Ctx): Decision {
	const staff = managesSurveys(actor, ctx.space.id);
	const published = ctx.space.status === 'published' && ctx.module.published;
	switch (action) {
		case 'manage':
			return staff ? allow : deny('surveys_manage_forbidden');
		case 'read':
			return staff || published ? allow : deny('not_published');
		case 'answer':
			if (!published) return deny('not_published');
			if (!answersOpen(ctx)) return deny('surveys_answers_closed');
			return isUser(actor) || actor.kind === 'system' ? allow : deny('sign_in_required');
		case 'results':
			if (staff) return allow;
			if (!published) return deny('not_published');
			return ctx.settings.publicResults ? allow : deny('surveys_results_private');
		default:
			return deny('unknown_action');
	}
}
