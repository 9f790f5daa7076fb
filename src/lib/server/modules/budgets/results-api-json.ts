/**
 * The JSON API of participatory budgeting: published editions with pots, phases, stage and rules, and for counted
 * editions the results per pot and the published ballots files with their digests and re-count commands.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { translate, type Translated } from '#lib/i18n/index.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { moduleInstances, phases, spaces } from '../../platform/db/schema.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { budgetsModule, canBudgets } from './context.ts';
import { editionUrl } from './queries.ts';
import { ApiBudgetBallots, ApiBudgetEditionList, ApiBudgetResults } from './results-api-schemas.ts';
import {
	ballotsFileName,
	ballotsFileUrl,
	engineRule,
	engineTieBreak,
	recountCommand,
	type StoredOutcome
} from './results-file.ts';
import { potResults } from './results-views.ts';
import { budgetsProjects } from './schema.ts';

const text = (field: Translated, locale: string | null) => (locale ? translate(field, locale).text : field);
const api = (moduleId: string) => `/api/v1/budgets/${moduleId}`;

/** GET /api/v1/budgets: every published edition of a published process. */
export async function budgetEditionsForApi(locale: string | null) {
	const db = await getDb();
	const rows = await db
		.select({ id: moduleInstances.id, spaceId: spaces.id, slug: spaces.slug, spaceTitle: spaces.title })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			and(eq(moduleInstances.kind, 'budgets'), eq(moduleInstances.published, true), eq(spaces.status, 'published'))
		)
		.orderBy(asc(spaces.slug), asc(moduleInstances.position));
	const spacePhases = rows.length
		? await db
				.select()
				.from(phases)
				.where(
					inArray(
						phases.spaceId,
						rows.map((r) => r.spaceId)
					)
				)
				.orderBy(asc(phases.position))
		: [];
	const data = [];
	for (const row of rows) {
		const { ctx, instance } = await budgetsModule(db, row.id);
		const s = ctx.settings;
		const pots = await potResults(db, row.id);
		const published = pots.length > 0 && pots.every((p) => p.result);
		data.push({
			id: row.id,
			title: text(instance.title, locale),
			process: { id: row.spaceId, slug: row.slug, title: text(row.spaceTitle, locale) },
			url: editionUrl(row.slug, row.id),
			state: ctx.phaseSettings.stage,
			phases: spacePhases
				.filter((p) => p.spaceId === row.spaceId)
				.map((p) => ({
					id: p.id,
					title: text(p.title, locale),
					startsOn: p.startsOn,
					endsOn: p.endsOn,
					stage: (instance.phaseSettings[p.id]?.stage as typeof ctx.phaseSettings.stage | undefined) ?? null
				})),
			rules: {
				ballotKind: s.ballotKind,
				maxChoices: s.maxChoices,
				rule: s.rule,
				engineRule: engineRule(s),
				tieBreak: engineTieBreak(s),
				leftoverRule: s.leftoverRule,
				topUpLimitLei: s.topUpLimit
			},
			pots: pots.map(({ pot }) => ({
				code: pot.code,
				name: text(pot.name, locale),
				zoneId: pot.zoneId,
				budgetLei: pot.budget,
				population: pot.population
			})),
			results_url: published ? `${api(row.id)}/results` : null,
			ballots_url: published ? `${api(row.id)}/ballots` : null,
			ballots_sha256: published ? Object.fromEntries(pots.map((p) => [p.pot.code, p.result!.ballotsSha256])) : null,
			recount_commands: published
				? Object.fromEntries(pots.map((p) => [p.pot.code, recountCommand(s, ballotsFileName(p.pot.code))]))
				: null
		});
	}
	return ApiBudgetEditionList.parse({ data });
}

async function publishedEdition(moduleId: string) {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(anonymous(), 'read', ctx));
	const pots = await potResults(db, moduleId);
	if (!pots.length || pots.some((p) => !p.result)) throw new NotFoundError('results');
	return { db, ctx, pots: pots.map((p) => ({ pot: p.pot, result: p.result! })) };
}

/** GET /api/v1/budgets/{id}/ballots: the published Pabulib files of an edition. */
export async function budgetBallotsForApi(moduleId: string) {
	const { ctx, pots } = await publishedEdition(moduleId);
	return ApiBudgetBallots.parse({
		data: pots.map(({ pot, result }) => ({
			pot: pot.code,
			fileName: ballotsFileName(pot.code),
			url: ballotsFileUrl(ctx.space.slug, moduleId, pot.code),
			sha256: result.ballotsSha256,
			ballots: result.ballots,
			command: recountCommand(ctx.settings, ballotsFileName(pot.code))
		}))
	});
}

/** GET /api/v1/budgets/{id}/results: per pot the rule, tie-break, funded codes and every project's count. */
export async function budgetResultsForApi(moduleId: string, locale: string | null) {
	const { db, ctx, pots } = await publishedEdition(moduleId);
	const projects = await db
		.select({ code: budgetsProjects.code, title: budgetsProjects.title })
		.from(budgetsProjects)
		.where(eq(budgetsProjects.moduleId, moduleId));
	const titleOf = new Map(projects.map((p) => [p.code, p.title]));
	return ApiBudgetResults.parse({
		edition: moduleId,
		computedAt: pots[0].result.computedAt.toISOString(),
		data: pots.map(({ pot, result }) => {
			const stored = result.outcome as unknown as StoredOutcome;
			return {
				pot: pot.code,
				name: text(pot.name, locale),
				budgetLei: pot.budget,
				rule: result.rule,
				tieBreak: result.tieBreak,
				funded: result.funded,
				selected: stored.selected,
				topUp: stored.topUp ? { code: stored.topUp.code, addedLei: stored.topUp.added } : null,
				leftoverLei: result.leftover,
				leftoverAction: result.leftoverAction,
				ballots: result.ballots,
				ballotsFile: ballotsFileUrl(ctx.space.slug, moduleId, pot.code),
				sha256: result.ballotsSha256,
				command: recountCommand(ctx.settings, ballotsFileName(pot.code)),
				projects: stored.engine.explanations.map((x) => ({
					code: x.id,
					title: titleOf.get(x.id) ?? x.id,
					costLei: Number(x.cost),
					votes: stored.votes[x.id] ?? 0,
					funded: result.funded.includes(x.id),
					reason: stored.topUp?.code === x.id ? 'top-up' : x.reason
				}))
			};
		})
	});
}
