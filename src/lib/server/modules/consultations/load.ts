/** Loads a consultations module with its consultation row, as every command and view starts. */
import type { Db } from '../../platform/db/index.ts';
import { loadModule } from '../../platform/modules/runtime.ts';
import { NotFoundError } from '../../platform/result.ts';
import { consultations } from './manifest.ts';
import { findConsultation } from './queries.ts';
import type { ConsultationsGlobalSettings, ConsultationsPhaseSettings } from './settings.ts';
import type { ModuleContext } from '../../platform/modules/define-module.ts';

export async function loadConsultation(db: Db, moduleId: string, now: Date = new Date()) {
	const { instance, ctx } = await loadModule(db, consultations, moduleId, now);
	const consultation = await findConsultation(db, moduleId);
	// The row is created when the module is mounted; a module without one was mounted outside the platform's flow.
	if (!consultation) throw new NotFoundError('consultation');
	return {
		instance,
		ctx: ctx as ModuleContext<ConsultationsGlobalSettings, ConsultationsPhaseSettings>,
		consultation
	};
}
