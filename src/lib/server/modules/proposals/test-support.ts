/** Medium-test helpers of the proposals module: a published process with a proposals module, configured per phase. */
import { eq } from 'drizzle-orm';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoods, user } from '../../platform/db/schema.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { proposals } from './manifest.ts';
import type { ProposalsGlobalSettings, ProposalsPhaseSettings } from './settings.ts';

export interface ProposalsSetup {
	publish?: boolean;
	settings?: Partial<ProposalsGlobalSettings>;
	/** Settings of the current phase. */
	phase?: Partial<ProposalsPhaseSettings>;
	requiredVerifications?: Record<string, string>;
}

/** A published process whose current phase has the given proposals settings. */
export async function proposalsModule(admin: Actor, setup: ProposalsSetup = {}) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: proposals },
		{ title: { ro: 'Propuneri' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const configure = async (s: ProposalsSetup) => {
		const r = await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: proposals },
			{
				title: { ro: 'Propuneri' },
				published: s.publish !== false,
				settings: s.settings ?? {},
				phaseSettings: { [process.phaseIds[1]]: s.phase ?? {} },
				requiredVerifications: s.requiredVerifications ?? {}
			}
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
	};
	await configure(setup);
	if (setup.publish !== false) await publishProcessAndModules(admin, process.spaceId);
	return { ...process, moduleId, configure };
}

/** Inserts a neighbourhood (the test database has none). */
export async function neighbourhood(slug: string, ro: string) {
	const [row] = await (await getDb()).insert(neighbourhoods).values({ slug, name: { ro } }).returning();
	return row;
}

/** A citizen with an e-mail-verified account (the module's default verification for create/support/comment). */
export const citizen = () => person([], { verifications: ['email'] });

export async function setLocale(userId: string, locale: string) {
	await (await getDb()).update(user).set({ locale }).where(eq(user.id, userId));
}

export const proposalInput = (title = 'Pistă de biciclete pe Calea Șagului', extra: Record<string, unknown> = {}) => ({
	title,
	body: 'Calea Șagului este folosită zilnic de sute de bicicliști. Propun o pistă separată de carosabil.',
	...extra
});
