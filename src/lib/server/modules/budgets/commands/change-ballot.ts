/** A voter replaces their online ballot with the receipt of it: the last ballot counts (see cast-ballot.ts). */
import type { Actor } from '../../../platform/actors/actor.ts';
import type { Result } from '../../../platform/result.ts';
import type { BallotInput } from '../voting.ts';
import { castBallot, type CastResult } from './cast-ballot.ts';

export const changeBallot = (
	actor: Actor,
	where: { spaceSlug?: string; moduleId: string },
	input: BallotInput,
	{ receipt, locale }: { receipt: string; locale?: string }
): Promise<Result<CastResult>> => castBallot(actor, where, input, { receipt, locale });
