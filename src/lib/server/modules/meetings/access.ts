/** Loads a meeting of a module after deciding the action: the first step of every meetings command and view. */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { meetings } from './manifest.ts';
import { findMeeting } from './queries.ts';
import type { MeetingsAction } from './permissions.ts';
import type { MeetingsGlobalSettings, MeetingsPhaseSettings } from './settings.ts';

export async function authorizedModule(db: Db, actor: Actor, action: MeetingsAction, moduleId: string) {
	const { ctx, instance } = await loadModule(db, meetings, moduleId);
	authorize(can(actor, action, ctx, meetings));
	return {
		ctx,
		instance,
		settings: ctx.settings as MeetingsGlobalSettings,
		phaseSettings: ctx.phaseSettings as MeetingsPhaseSettings
	};
}

/** The meeting, when the actor may take `action`; drafts exist only for those who manage the module. */
export async function authorizedMeeting(
	db: Db,
	actor: Actor,
	action: MeetingsAction,
	{ moduleId, meetingId }: { moduleId: string; meetingId: string }
) {
	const loaded = await authorizedModule(db, actor, action, moduleId);
	const meeting = await findMeeting(db, moduleId, meetingId);
	if (!meeting) throw new NotFoundError('meeting');
	if (meeting.status === 'draft' && action !== 'manage' && !can(actor, 'manage', loaded.ctx, meetings).allowed)
		throw new NotFoundError('meeting');
	return { ...loaded, meeting };
}
