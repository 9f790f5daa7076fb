/** Reads of spaces (participatory processes), their phases, documents and mounted modules. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '../db/index.ts';
import { files, moduleInstances, phases, spaceDocuments, spaces } from '../db/schema.ts';
import type { Actor } from '../actors/actor.ts';
import { authorize } from '../permissions/index.ts';
import { sharedData } from '../http/shared-data.ts';
import { NotFoundError } from '../result.ts';
import { canManageSpace } from './policy.ts';
import { timelineAt } from './timeline.ts';
// Consultations (Law 52/2003) are a type of process: listed, shown and managed like one.
import { spaceKinds } from './forms.ts';

export type Space = typeof spaces.$inferSelect;
export type Phase = typeof phases.$inferSelect;
export type MountedModule = typeof moduleInstances.$inferSelect;
export type SpaceDocument = typeof spaceDocuments.$inferSelect & { file: { mimeType: string; size: number } | null };

export async function findSpace(db: Db, id: string): Promise<Space | undefined> {
	const [row] = await db.select().from(spaces).where(eq(spaces.id, id));
	return row;
}

export async function findSpaceBySlug(db: Db, slug: string): Promise<Space | undefined> {
	const [row] = await db.select().from(spaces).where(eq(spaces.slug, slug));
	return row;
}

export const phasesOf = (db: Db, spaceId: string): Promise<Phase[]> =>
	db.select().from(phases).where(eq(phases.spaceId, spaceId)).orderBy(asc(phases.position), asc(phases.startsOn));

export const modulesOf = (db: Db, spaceId: string): Promise<MountedModule[]> =>
	db
		.select()
		.from(moduleInstances)
		.where(eq(moduleInstances.spaceId, spaceId))
		.orderBy(asc(moduleInstances.position), asc(moduleInstances.createdAt));

export async function documentsOf(db: Db, spaceId: string): Promise<SpaceDocument[]> {
	const rows = await db
		.select({ doc: spaceDocuments, file: { mimeType: files.mimeType, size: files.size } })
		.from(spaceDocuments)
		.leftJoin(files, eq(files.id, spaceDocuments.fileId))
		.where(eq(spaceDocuments.spaceId, spaceId))
		.orderBy(asc(spaceDocuments.position), asc(spaceDocuments.createdAt));
	return rows.map((r) => ({ ...r.doc, file: r.file }));
}

async function phasesBySpace(db: Db, ids: string[]): Promise<Map<string, Phase[]>> {
	const out = new Map<string, Phase[]>(ids.map((id) => [id, []]));
	if (!ids.length) return out;
	const rows = await db.select().from(phases).where(inArray(phases.spaceId, ids)).orderBy(asc(phases.position));
	for (const p of rows) out.get(p.spaceId)!.push(p);
	return out;
}

/** Every process with its phases, newest first (the admin list). */
export async function listProcessesForAdmin(actor: Actor) {
	authorize(canManageSpace(actor));
	const db = await getDb();
	const rows = await db.select().from(spaces).where(inArray(spaces.kind, spaceKinds)).orderBy(desc(spaces.createdAt));
	const byId = await phasesBySpace(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((space) => ({ space, timeline: timelineAt(byId.get(space.id)!, new Date()) }));
}

/** A process with everything its admin page shows. */
export async function getProcessForAdmin(actor: Actor, spaceId: string) {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const space = await findSpace(db, spaceId);
	if (!space) throw new NotFoundError('process');
	const [spacePhases, modules, documents] = await Promise.all([
		phasesOf(db, spaceId),
		modulesOf(db, spaceId),
		documentsOf(db, spaceId)
	]);
	return { space, phases: spacePhases, modules, documents, timeline: timelineAt(spacePhases, new Date()) };
}

/** Published processes with their phases and current phase, the most recently published first. */
export async function listPublishedProcesses(now: Date = new Date()) {
	const db = await getDb();
	const rows = await db
		.select()
		.from(spaces)
		.where(and(inArray(spaces.kind, spaceKinds), eq(spaces.status, 'published')))
		.orderBy(desc(spaces.publishedAt), asc(spaces.slug));
	const byId = await phasesBySpace(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((space) => ({ space, timeline: timelineAt(byId.get(space.id)!, now) }));
}

/**
 * A process as the public sees it. A draft is visible only to those who manage it (a preview); to anyone else it
 * does not exist.
 */
export async function getVisibleProcess(db: Db, actor: Actor, slug: string, now: Date = new Date()) {
	const found = await sharedData(`process:${slug}`, () => processRows(db, slug));
	if (!found) throw new NotFoundError('process');
	const { space, spacePhases, modules, documents } = found;
	if (space.status !== 'published' && !canManageSpace(actor, space.id).allowed) throw new NotFoundError('process');
	return { space, phases: spacePhases, modules, documents, timeline: timelineAt(spacePhases, now) };
}

/** A space of a process kind by slug with its phases, modules and documents, or null. */
async function processRows(db: Db, slug: string) {
	const space = await findSpaceBySlug(db, slug);
	if (!space || !(spaceKinds as readonly string[]).includes(space.kind)) return null;
	const [spacePhases, modules, documents] = await Promise.all([
		phasesOf(db, space.id),
		modulesOf(db, space.id),
		documentsOf(db, space.id)
	]);
	return { space, spacePhases, modules, documents };
}

/** The phase's space id, for authorising commands addressed by phase. */
export async function findPhase(db: Db, phaseId: string): Promise<Phase | undefined> {
	const [row] = await db.select().from(phases).where(eq(phases.id, phaseId));
	return row;
}

export async function findMountedModule(db: Db, moduleId: string): Promise<MountedModule | undefined> {
	const [row] = await db.select().from(moduleInstances).where(eq(moduleInstances.id, moduleId));
	return row;
}
