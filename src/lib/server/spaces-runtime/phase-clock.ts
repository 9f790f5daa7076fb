/** The phase clock job: runs every minute (singleton across app processes) with the registry's module hooks. */
import type { Db } from '../platform/db/index.ts';
import { advancePhaseClocks as advance } from '../platform/spaces/phase-clock.ts';
import { findModule } from '../registry.ts';

export const PHASE_CLOCK_JOB = 'spaces.phase-clock';

/** Detects phase changes at `now` once per change, calls each module's phaseChanged hook and notifies followers. */
export const advancePhaseClocks = (db: Db, now: Date) => advance(db, now, findModule);
