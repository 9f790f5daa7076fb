/**
 * The chain of a resource: the steps one matter went through across modules (a problem report → a proposal → a
 * budget idea → a funded project → built), found by walking resource links both ways. Modules make their resource
 * types steps with `registerChainStep` (from outside platform/, at import time); a type that registers no describer
 * of its own (e.g. a future `report`) is still shown, from the public search index, once registered by name.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { searchDocuments } from '../db/schema.ts';
import { linksOf, type ResourceRef } from './index.ts';

/** One step as a page shows it; several steps may come from one resource (an idea that was later funded). */
export interface ChainStep {
	resourceType: string;
	resourceId: string;
	/** Message key naming the step ("Proposal", "Budget idea", "Funded project", "Built"). */
	labelKey: string;
	/** Message key of the step's state, or null. */
	stateKey: string | null;
	title: string;
	/** Site path without locale prefix. */
	url: string;
	/** When the step was reached (null when unknown). */
	at: Date | null;
	/** Whether the step belongs to the resource the page is about. */
	current?: boolean;
}

/** Describes resources of one type as chain steps; resources a visitor may not see are left out of the map. */
export type ChainDescriber = (db: Db, ids: string[]) => Promise<Map<string, Omit<ChainStep, 'current'>[]>>;

interface Registered {
	/** Position of the type along the chain (report 10, proposal 20, budget project 30…). */
	order: number;
	labelKey: string;
	describe?: ChainDescriber;
}

const steps = new Map<string, Registered>();

/** Makes a resource type a step of chains; without `describe`, its public search document is used. */
export function registerChainStep(resourceType: string, step: Registered): void {
	// A name-only registration (made by a neighbouring module) never replaces the owner's own describer.
	if (!step.describe && steps.get(resourceType)?.describe) return;
	steps.set(resourceType, step);
}

const MAX_RESOURCES = 20;

/** Public title and path of resources from the search index (Romanian document), for types without a describer. */
async function fromSearchIndex(db: Db, type: string, labelKey: string, ids: string[], firstSeen: Map<string, Date>) {
	const docs = await db
		.select({ id: searchDocuments.resourceId, title: searchDocuments.title, url: searchDocuments.url })
		.from(searchDocuments)
		.where(
			and(
				eq(searchDocuments.resourceType, type),
				inArray(searchDocuments.resourceId, ids),
				eq(searchDocuments.locale, 'ro'),
				eq(searchDocuments.visibility, 'public')
			)
		);
	return new Map(
		docs.map((d) => [
			d.id,
			[
				{
					resourceType: type,
					resourceId: d.id,
					labelKey,
					stateKey: null,
					title: d.title,
					url: d.url,
					at: firstSeen.get(d.id) ?? null
				}
			]
		])
	);
}

/**
 * Every step connected to `start` through links between registered types, in chain order (then by date). One
 * resource may give several steps (an idea later funded and built); pages show a chain of two steps or more.
 */
export async function resourceChain(db: Db, start: ResourceRef): Promise<ChainStep[]> {
	if (!steps.has(start.resourceType)) return [];
	const key = (r: ResourceRef) => `${r.resourceType}:${r.resourceId}`;
	const seen = new Map<string, ResourceRef>([[key(start), start]]);
	// When a linked resource was first seen: the link date stands in for types that know no date of their own.
	const linkedAt = new Map<string, Date>();
	let frontier = [start];
	while (frontier.length && seen.size < MAX_RESOURCES) {
		const next: ResourceRef[] = [];
		for (const r of frontier) {
			for (const link of await linksOf(db, r)) {
				if (!steps.has(link.other.resourceType) || seen.has(key(link.other))) continue;
				seen.set(key(link.other), link.other);
				linkedAt.set(key(link.other), link.createdAt);
				next.push(link.other);
			}
		}
		frontier = next;
	}
	const byType = new Map<string, string[]>();
	for (const r of seen.values()) byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), r.resourceId]);
	// Resources sort by chain position, then by when they began; a resource's own steps keep the describer's order.
	const out: (ChainStep & { order: number; anchor: number; seq: number })[] = [];
	for (const [type, ids] of byType) {
		const reg = steps.get(type)!;
		const firstSeen = new Map(ids.map((id) => [id, linkedAt.get(`${type}:${id}`)!]));
		const described = reg.describe
			? await reg.describe(db, ids)
			: await fromSearchIndex(db, type, reg.labelKey, ids, firstSeen);
		for (const id of ids) {
			const own = described.get(id) ?? [];
			const anchor = own[0]?.at?.getTime() ?? 0;
			own.forEach((s, seq) =>
				out.push({
					...s,
					order: reg.order,
					anchor,
					seq,
					current: type === start.resourceType && id === start.resourceId
				})
			);
		}
	}
	out.sort((a, b) => a.order - b.order || a.anchor - b.anchor || a.seq - b.seq);
	return out.map(({ order: _order, anchor: _anchor, seq: _seq, ...s }) => s);
}
