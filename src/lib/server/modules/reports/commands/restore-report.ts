/** Moderation: show a hidden report to the public again, with a reason (see hide-report.ts). */
import type { Actor } from '../../../platform/actors/actor.ts';
import type { Result } from '../../../platform/result.ts';
import { hideReport } from './hide-report.ts';

export const restoreReport = (
	actor: Actor,
	reportId: string,
	input: { reason?: string }
): Promise<Result<{ changed: boolean }>> => hideReport(actor, reportId, input, false);
