/**
 * Rules of the ideas part of an edition, as pure functions: which kinds of author a person may submit as, whether
 * an idea can still be edited, and until when an appeal is open.
 */
import { isUser, isVerified, type Actor } from '../../platform/actors/actor.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import { requireVerification } from '../../platform/permissions/verification.ts';
import type { BudgetsContext } from './permissions.ts';
import { budgetsPermissions } from './permissions.ts';

export const authorKinds = ['citizen', 'organisation', 'company'] as const;
export type AuthorKind = (typeof authorKinds)[number];

/**
 * The kinds of author the actor may submit as: a citizen with the verification the edition requires for `submit`;
 * an organisation or a company (when the settings allow them) with the `organisation` verification staff gave.
 */
export function authorKindsFor(actor: Actor, ctx: BudgetsContext): AuthorKind[] {
	if (!isUser(actor)) return [];
	const required = ctx.requiredVerifications.submit;
	const kinds: AuthorKind[] = [];
	if (!required || requireVerification(actor, required).allowed) kinds.push('citizen');
	if (isVerified(actor, 'organisation')) {
		if (ctx.settings.organisationsMaySubmit) kinds.push('organisation');
		if (ctx.settings.companiesMaySubmit) kinds.push('company');
	}
	return kinds;
}

/** May the actor submit an idea now (as any kind of author)? The stage first, then a qualifying verification. */
export function submitDecision(actor: Actor, ctx: BudgetsContext): Decision {
	const base = budgetsPermissions(actor, 'submit', ctx);
	if (!base.allowed) return base;
	if (authorKindsFor(actor, ctx).length) return allow;
	return deny(`verification_required:${ctx.requiredVerifications.submit ?? 'email'}`);
}

/**
 * The last moment an appeal against a decision taken at `decidedAt` may be lodged: `appealDays` from the decision or,
 * when the edition's appeals stage opens later (Timișoara decides in July and hears appeals in August), from its
 * opening — an author is never left without a window.
 */
export const appealDeadline = (decidedAt: Date, appealDays: number, appealsOpenAt: Date | null = null) =>
	new Date(Math.max(decidedAt.getTime(), appealsOpenAt?.getTime() ?? 0) + appealDays * 24 * 60 * 60 * 1000);

/** Negative decisions can be appealed; positive ones are final for the author (nothing to appeal). */
export const appealable = (d: { kind: string; outcome: string }) =>
	(d.kind === 'eligibility' && d.outcome === 'ineligible') || (d.kind === 'evaluation' && d.outcome === 'unfeasible');

/** The cost used everywhere once the city has estimated it. */
export const costOf = (p: { cityCost: number | null; estimatedCost: number }) => p.cityCost ?? p.estimatedCost;
