/**
 * The public view of a process: its path of phases, the current phase and what a citizen can do in it now (derived
 * from the mounted modules' actions allowed in the current phase), what comes next, and the modules' links.
 */
import { verificationKinds, type Actor, type VerificationKind } from '../platform/actors/actor.ts';
import { getDb } from '../platform/db/index.ts';
import { can, moduleContext } from '../platform/modules/runtime.ts';
import { isFollowing } from '../platform/notifications/follows.ts';
import { getVisibleProcess } from '../platform/spaces/queries.ts';
import { findModule } from '../registry.ts';

/** A signed-in citizen with every verification and no role: who "a citizen" is when we say what one can do. */
const typicalCitizen: Actor = {
	kind: 'user',
	id: 'typical-citizen',
	name: '',
	email: '',
	locale: 'ro',
	emailVerified: true,
	twoFactorEnabled: false,
	roles: [],
	pendingRoles: [],
	departmentIds: [],
	spaceRoles: {},
	verifications: [...verificationKinds],
	context: {}
};

export interface CitizenAction {
	moduleId: string;
	kind: string;
	action: string;
	labelKey: string;
	/** The verification it needs, if any. */
	verification: VerificationKind | null;
	/** Whether the person looking can do it right now (signed in, verified). */
	allowedForViewer: boolean;
}

export async function processPage(actor: Actor, slug: string, now: Date = new Date()) {
	const db = await getDb();
	const process = await getVisibleProcess(db, actor, slug, now);
	const spaceRef = { id: process.space.id, slug: process.space.slug, status: process.space.status };
	const tabs: { id: string; kind: string; title: typeof process.space.title; titleKey: string }[] = [];
	const canDoNow: CitizenAction[] = [];
	for (const instance of process.modules) {
		const manifest = findModule(instance.kind);
		if (!manifest) continue;
		const ctx = moduleContext(manifest, instance, spaceRef, process.phases, now);
		// A module the viewer can open gets a tab; staff also see unpublished ones (marked on the page).
		if (manifest.actions.includes('read') ? can(actor, 'read', ctx, manifest).allowed : instance.published)
			tabs.push({ id: instance.id, kind: instance.kind, title: instance.title, titleKey: manifest.titleKey });
		if (!process.timeline.current || process.space.status !== 'published') continue;
		for (const action of manifest.actions) {
			if (!can(typicalCitizen, action, ctx, manifest).allowed) continue;
			canDoNow.push({
				moduleId: instance.id,
				kind: instance.kind,
				action,
				labelKey: `${manifest.name}_action_${action}`,
				verification: ctx.requiredVerifications[action] ?? null,
				allowedForViewer: can(actor, action, ctx, manifest).allowed
			});
		}
	}
	const following = await isFollowing(actor, { resourceType: 'space', resourceId: process.space.id });
	return { ...process, tabs, canDoNow, following };
}
