/**
 * Every service the administration area calls × every kind of actor: allowed or ForbiddenError, exactly as
 * `platform/permissions/admin-policy.ts` says. One row per entry point; a second check fails when a route under
 * `src/routes/admin/**` calls a `#lib/server/...` function that has no row here (or is not declared a non-service).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../setup/database.ts';
import { actorOf, insertPerson } from '../support/people.ts';
import { processWithThreePhases } from '../support/spaces.ts';
import { anonymous, type Actor, type PlatformRole } from '../../src/lib/server/platform/actors/actor.ts';
import { getDb } from '../../src/lib/server/platform/db/index.ts';
import { spaceDocuments, spaceRoles } from '../../src/lib/server/platform/db/schema.ts';
import { adminPolicy, type AdminAction } from '../../src/lib/server/platform/permissions/admin-policy.ts';
import { ForbiddenError } from '../../src/lib/server/platform/result.ts';
import { listAuditEntries } from '../../src/lib/server/platform/audit/queries.ts';
import { unblockUser, viewCommentBlocks, viewModerationQueue } from '../../src/lib/server/platform/comments/index.ts';
import {
	getDepartment,
	getUserForAdmin,
	listDepartments,
	listSpacesForRoles,
	searchUsers
} from '../../src/lib/server/platform/people/queries.ts';
import { createDepartment } from '../../src/lib/server/platform/people/commands/create-department.ts';
import { updateDepartment } from '../../src/lib/server/platform/people/commands/update-department.ts';
import { grantRole } from '../../src/lib/server/platform/people/commands/grant-role.ts';
import { revokeRole } from '../../src/lib/server/platform/people/commands/revoke-role.ts';
import { addDepartmentMember } from '../../src/lib/server/platform/people/commands/add-department-member.ts';
import { removeDepartmentMember } from '../../src/lib/server/platform/people/commands/remove-department-member.ts';
import { grantSpaceRole } from '../../src/lib/server/platform/people/commands/grant-space-role.ts';
import { revokeSpaceRole } from '../../src/lib/server/platform/people/commands/revoke-space-role.ts';
import {
	getNeighbourhood,
	getZone,
	getZoneChoices,
	listNeighbourhoodsForAdmin,
	listZones
} from '../../src/lib/server/platform/geo/queries.ts';
import { createNeighbourhood } from '../../src/lib/server/platform/geo/commands/create-neighbourhood.ts';
import { renameNeighbourhood } from '../../src/lib/server/platform/geo/commands/rename-neighbourhood.ts';
import { redrawNeighbourhood } from '../../src/lib/server/platform/geo/commands/redraw-neighbourhood.ts';
import { createZone } from '../../src/lib/server/platform/geo/commands/create-zone.ts';
import { updateZone } from '../../src/lib/server/platform/geo/commands/update-zone.ts';
import { viewOutbox } from '../../src/lib/server/platform/notifications/outbox.ts';
import { listCensusBatches } from '../../src/lib/server/platform/verification/queries.ts';
import { importCensus } from '../../src/lib/server/platform/verification/commands/import-census.ts';
import { recordInPersonVerification } from '../../src/lib/server/platform/verification/commands/record-in-person-verification.ts';
import { getProcessForAdmin, listProcessesForAdmin } from '../../src/lib/server/platform/spaces/queries.ts';
import { createProcess } from '../../src/lib/server/platform/spaces/commands/create-process.ts';
import { updateProcess } from '../../src/lib/server/platform/spaces/commands/update-process.ts';
import { addPhase } from '../../src/lib/server/platform/spaces/commands/add-phase.ts';
import { updatePhase } from '../../src/lib/server/platform/spaces/commands/update-phase.ts';
import { deletePhase } from '../../src/lib/server/platform/spaces/commands/delete-phase.ts';
import { movePhase } from '../../src/lib/server/platform/spaces/commands/move-phase.ts';
import { setProcessCover } from '../../src/lib/server/platform/spaces/commands/set-process-cover.ts';
import { addProcessDocument } from '../../src/lib/server/platform/spaces/commands/add-process-document.ts';
import { removeProcessDocument } from '../../src/lib/server/platform/spaces/commands/remove-process-document.ts';
import {
	moduleConfigurationForm,
	mountModuleOfKind,
	publishProcessAndModules,
	saveModuleConfiguration,
	unmountModuleFromSpace,
	unpublishProcessAndModules
} from '../../src/lib/server/spaces-runtime/admin.ts';
import {
	createPage,
	deletePage,
	managePage,
	managePages,
	movePage,
	updatePage
} from '../../src/lib/server/modules/pages/index.ts';

useTestDatabase({ resetBetweenTests: false });

/** The records the calls address. */
interface Ids {
	spaceId: string;
	phaseId: string;
	moduleId: string;
	pageId: string;
	departmentId: string;
	neighbourhoodId: string;
	zoneId: string;
	userId: string;
	/** A module kind from the registry. */
	kind: string;
}

/** Records a destructive call consumes (a delete needs a new victim each time it is allowed). */
interface Fresh {
	phase(): Promise<string>;
	page(): Promise<string>;
	document(): Promise<string>;
}

interface Row {
	/** The exported function's name, as routes import it. */
	name: string;
	action: AdminAction;
	/** 'space': the space's own administrators may do it too (policy `canManageSpace(actor, spaceId)`). */
	scope: 'platform' | 'space';
	call: (actor: Actor, ids: Ids, fresh: Fresh) => Promise<unknown>;
	/**
	 * Set when the service must read a record before it can decide (a module's permission function needs the
	 * mounted module). Every other service authorises on its first line, which the "unknown records" check proves.
	 */
	decidesAfterLoading?: string;
}

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};
// Inputs the validation refuses: an allowed actor gets `invalid(…)` back, which proves the gate let them through
// without changing anything the next rows rely on.
const blank = {} as never;
const emptyPage = { title: {}, body: {} } as never;
const modulePermission = "the pages module's permission function needs the mounted module (its space and phase)";

// prettier-ignore
const rows: Row[] = [
	// audit
	{ name: 'listAuditEntries', action: 'audit.view', scope: 'platform', call: (a) => listAuditEntries(a, {}) },
	// comment moderation (space moderators and admins see their spaces' queue; blocking is platform-wide)
	{ name: 'viewModerationQueue', action: 'comments.moderate', scope: 'space', call: (a) => viewModerationQueue(a, {}) },
	{ name: 'viewCommentBlocks', action: 'comments.moderate', scope: 'platform', call: (a) => viewCommentBlocks(a) },
	{ name: 'unblockUser', action: 'comments.moderate', scope: 'platform', call: (a, i) => unblockUser(a, i.userId) },
	// users and roles
	{ name: 'searchUsers', action: 'users.view', scope: 'platform', call: (a) => searchUsers(a, { q: '' }) },
	{ name: 'getUserForAdmin', action: 'users.view', scope: 'platform', call: (a, i) => getUserForAdmin(a, i.userId) },
	{ name: 'listSpacesForRoles', action: 'users.manage_roles', scope: 'platform', call: (a) => listSpacesForRoles(a) },
	{ name: 'grantRole', action: 'users.manage_roles', scope: 'platform', call: (a, i) => grantRole(a, { userId: i.userId, role: 'nope' }) },
	{ name: 'revokeRole', action: 'users.manage_roles', scope: 'platform', call: (a, i) => revokeRole(a, { userId: i.userId, role: 'nope' }) },
	{ name: 'addDepartmentMember', action: 'users.manage_roles', scope: 'platform', call: (a, i) => addDepartmentMember(a, { userId: i.userId }) },
	{ name: 'removeDepartmentMember', action: 'users.manage_roles', scope: 'platform', call: (a, i) => removeDepartmentMember(a, { userId: i.userId }) },
	{ name: 'grantSpaceRole', action: 'users.manage_roles', scope: 'platform', call: (a, i) => grantSpaceRole(a, { userId: i.userId, spaceId: i.spaceId, role: 'nope' }) },
	{ name: 'revokeSpaceRole', action: 'users.manage_roles', scope: 'platform', call: (a, i) => revokeSpaceRole(a, { userId: i.userId, spaceId: i.spaceId, role: 'nope' }) },
	// departments
	{ name: 'listDepartments', action: 'departments.view', scope: 'platform', call: (a) => listDepartments(a) },
	{ name: 'getDepartment', action: 'departments.view', scope: 'platform', call: (a, i) => getDepartment(a, i.departmentId) },
	{ name: 'createDepartment', action: 'departments.manage', scope: 'platform', call: (a) => createDepartment(a, {}) },
	{ name: 'updateDepartment', action: 'departments.manage', scope: 'platform', call: (a, i) => updateDepartment(a, i.departmentId, {}) },
	// neighbourhoods and zones
	{ name: 'listNeighbourhoodsForAdmin', action: 'neighbourhoods.manage', scope: 'platform', call: (a) => listNeighbourhoodsForAdmin(a) },
	{ name: 'getNeighbourhood', action: 'neighbourhoods.manage', scope: 'platform', call: (a, i) => getNeighbourhood(a, i.neighbourhoodId) },
	{ name: 'createNeighbourhood', action: 'neighbourhoods.manage', scope: 'platform', call: (a) => createNeighbourhood(a, {}, '') },
	{ name: 'renameNeighbourhood', action: 'neighbourhoods.manage', scope: 'platform', call: (a, i) => renameNeighbourhood(a, i.neighbourhoodId, {}) },
	{ name: 'redrawNeighbourhood', action: 'neighbourhoods.manage', scope: 'platform', call: (a, i) => redrawNeighbourhood(a, i.neighbourhoodId, { geojson: '' }) },
	{ name: 'listZones', action: 'zones.manage', scope: 'platform', call: (a) => listZones(a) },
	{ name: 'getZone', action: 'zones.manage', scope: 'platform', call: (a, i) => getZone(a, i.zoneId) },
	{ name: 'getZoneChoices', action: 'zones.manage', scope: 'platform', call: (a) => getZoneChoices(a) },
	{ name: 'createZone', action: 'zones.manage', scope: 'platform', call: (a) => createZone(a, {}, []) },
	{ name: 'updateZone', action: 'zones.manage', scope: 'platform', call: (a, i) => updateZone(a, i.zoneId, {}, []) },
	// verification
	{ name: 'listCensusBatches', action: 'census.import', scope: 'platform', call: (a) => listCensusBatches(a) },
	{ name: 'importCensus', action: 'census.import', scope: 'platform', call: (a) => importCensus(a, { name: '', csv: '' }) },
	{ name: 'recordInPersonVerification', action: 'verification.in_person', scope: 'platform', call: (a, i) => recordInPersonVerification(a, { userId: i.userId }) },
	// outbox (demo mode)
	{ name: 'viewOutbox', action: 'outbox.view', scope: 'platform', call: (a) => viewOutbox(a, {}) },
	// processes
	{ name: 'listProcessesForAdmin', action: 'processes.manage', scope: 'platform', call: (a) => listProcessesForAdmin(a) },
	{ name: 'createProcess', action: 'processes.manage', scope: 'platform', call: (a) => createProcess(a, blank) },
	{ name: 'getProcessForAdmin', action: 'processes.manage', scope: 'space', call: (a, i) => getProcessForAdmin(a, i.spaceId) },
	{ name: 'updateProcess', action: 'processes.manage', scope: 'space', call: (a, i) => updateProcess(a, i.spaceId, blank) },
	{ name: 'publishProcessAndModules', action: 'processes.manage', scope: 'space', call: (a, i) => publishProcessAndModules(a, i.spaceId) },
	{ name: 'unpublishProcessAndModules', action: 'processes.manage', scope: 'space', call: (a, i) => unpublishProcessAndModules(a, i.spaceId) },
	{ name: 'setProcessCover', action: 'processes.manage', scope: 'space', call: (a, i) => setProcessCover(a, i.spaceId, { file: null, remove: true }) },
	{ name: 'addProcessDocument', action: 'processes.manage', scope: 'space', call: (a, i) => addProcessDocument(a, i.spaceId, { file: null, title: {} }) },
	{ name: 'removeProcessDocument', action: 'processes.manage', scope: 'space', call: async (a, i, f) => removeProcessDocument(a, { spaceId: i.spaceId, documentId: await f.document() }) },
	// phases
	{ name: 'addPhase', action: 'processes.manage', scope: 'space', call: (a, i) => addPhase(a, i.spaceId, blank) },
	{ name: 'updatePhase', action: 'processes.manage', scope: 'space', call: (a, i) => updatePhase(a, { spaceId: i.spaceId, phaseId: i.phaseId }, blank) },
	{ name: 'movePhase', action: 'processes.manage', scope: 'space', call: (a, i) => movePhase(a, { spaceId: i.spaceId, phaseId: i.phaseId, direction: 'down' }) },
	{ name: 'deletePhase', action: 'processes.manage', scope: 'space', call: async (a, i, f) => deletePhase(a, { spaceId: i.spaceId, phaseId: await f.phase() }) },
	// modules: mount, configure, unmount (the fixture module holds a page, so unmounting is refused, not done)
	{ name: 'mountModuleOfKind', action: 'processes.manage', scope: 'space', call: (a, i) => mountModuleOfKind(a, i.spaceId, form({ kind: i.kind })) },
	{ name: 'moduleConfigurationForm', action: 'processes.manage', scope: 'space', call: (a, i) => moduleConfigurationForm(a, i.spaceId, i.moduleId) },
	{ name: 'saveModuleConfiguration', action: 'processes.manage', scope: 'space', call: (a, i) => saveModuleConfiguration(a, i.spaceId, i.moduleId, form({})) },
	{ name: 'unmountModuleFromSpace', action: 'processes.manage', scope: 'space', call: (a, i) => unmountModuleFromSpace(a, i.spaceId, i.moduleId) },
	// the pages module's admin pages
	{ name: 'managePages', action: 'processes.manage', scope: 'space', call: (a, i) => managePages(a, i), decidesAfterLoading: modulePermission },
	{ name: 'managePage', action: 'processes.manage', scope: 'space', call: (a, i) => managePage(a, i), decidesAfterLoading: modulePermission },
	{ name: 'createPage', action: 'processes.manage', scope: 'space', call: (a, i) => createPage(a, i, emptyPage), decidesAfterLoading: modulePermission },
	{ name: 'updatePage', action: 'processes.manage', scope: 'space', call: (a, i) => updatePage(a, i, emptyPage), decidesAfterLoading: modulePermission },
	{ name: 'movePage', action: 'processes.manage', scope: 'space', call: (a, i) => movePage(a, { ...i, direction: 'down' }), decidesAfterLoading: modulePermission },
	{ name: 'deletePage', action: 'processes.manage', scope: 'space', call: async (a, i, f) => deletePage(a, { moduleId: i.moduleId, pageId: await f.page() }), decidesAfterLoading: modulePermission }
];

/**
 * Functions routes import from `#lib/server/...` that are not admin services: policy checks the routes make
 * themselves (each service checks again), form readers, paths, configuration and the registry's list of kinds.
 */
const notServices = new Set([
	'authorize',
	'canAdmin',
	'allowedAdminActions',
	'canManageSpace',
	'isUser',
	'needsTwoFactor',
	'localizedPath',
	'isDemo',
	'isEmbedded',
	'mountableKinds',
	'readProcessForm',
	'readPhaseForm',
	'readTranslated',
	'readPageForm',
	'readSpaceKind',
	'toCsv',
	'todayInBucharest'
]);

type ActorName =
	'anonymous' | 'citizen' | 'staff' | 'moderator' | 'evaluator' | 'admin without 2FA' | 'admin' | 'space admin';
/** The platform roles in force for each actor (none without two-factor sign-in). */
const rolesInForce: Record<ActorName, PlatformRole[]> = {
	anonymous: [],
	citizen: [],
	staff: ['staff'],
	moderator: ['moderator'],
	evaluator: ['evaluator'],
	'admin without 2FA': [],
	admin: ['admin'],
	'space admin': []
};
const actorNames = Object.keys(rolesInForce) as ActorName[];

const allowed = (row: Row, who: ActorName) =>
	rolesInForce[who].some((role) => (adminPolicy[row.action] as readonly PlatformRole[]).includes(role)) ||
	(row.scope === 'space' && who === 'space admin');

const actors = {} as Record<ActorName, Actor>;
let ids: Ids;
let fresh: Fresh;
let previousDemo: string | undefined;

beforeAll(async () => {
	// The outbox page exists only in demo mode; the database below is embedded or a throwaway server either way.
	previousDemo = process.env.VOCEA_DEMO;
	process.env.VOCEA_DEMO = '1';
	const db = await getDb();
	const owner = await actorOf(await insertPerson('owner@example.ro', { roles: ['admin'] }));
	const { spaceId, phaseIds } = await processWithThreePhases(owner);
	const mounted = await mountModuleOfKind(owner, spaceId, form({ kind: 'pages', title_ro: 'Informații' }));
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const newPage = () =>
		createPage(owner, { moduleId }, { title: { ro: `Pagina ${randomUUID().slice(0, 6)}` }, body: { ro: 'Text.' } });
	const page = await newPage();
	const department = await createDepartment(owner, { name_ro: 'Direcția Urbanism', email: '' });
	const neighbourhood = await createNeighbourhood(owner, { name_ro: 'Fabric' });
	const zone = await createZone(owner, { name_ro: 'Zona 1' }, []);
	if (!page.ok || !department.ok || !neighbourhood.ok || !zone.ok)
		throw new Error(JSON.stringify([page, department, neighbourhood, zone]));
	const target = await insertPerson('target@example.ro');
	ids = {
		spaceId,
		phaseId: phaseIds[1],
		moduleId,
		pageId: page.value.id,
		departmentId: department.value.id,
		neighbourhoodId: neighbourhood.value.id,
		zoneId: zone.value.id,
		userId: target,
		kind: 'pages'
	};
	let year = 2100;
	fresh = {
		async phase() {
			year += 1;
			const added = await addPhase(owner, spaceId, {
				title: { ro: `Faza ${year}` },
				description: { ro: '' },
				startsOn: `${year}-01-01`,
				endsOn: `${year}-12-31`
			});
			if (!added.ok) throw new Error(JSON.stringify(added.errors));
			return added.value.id;
		},
		async page() {
			const created = await newPage();
			if (!created.ok) throw new Error(JSON.stringify(created.errors));
			return created.value.id;
		},
		async document() {
			const [row] = await db
				.insert(spaceDocuments)
				.values({ spaceId, fileId: randomUUID(), title: { ro: 'Regulament' } })
				.returning({ id: spaceDocuments.id });
			return row.id;
		}
	};

	actors.anonymous = anonymous({ ip: '198.51.100.1' });
	actors.citizen = await actorOf(await insertPerson('citizen@example.ro'));
	for (const role of ['staff', 'moderator', 'evaluator', 'admin'] as const)
		actors[role] = await actorOf(await insertPerson(`${role}@example.ro`, { roles: [role], twoFactor: true }));
	actors['admin without 2FA'] = await actorOf(
		await insertPerson('admin-no-2fa@example.ro', { roles: ['admin'], twoFactor: false })
	);
	const spaceAdmin = await insertPerson('space-admin@example.ro');
	await db.insert(spaceRoles).values({ spaceId, userId: spaceAdmin, role: 'admin' });
	actors['space admin'] = await actorOf(spaceAdmin);
});

afterAll(() => {
	if (previousDemo === undefined) delete process.env.VOCEA_DEMO;
	else process.env.VOCEA_DEMO = previousDemo;
});

describe('the actors are who the table says', () => {
	it('has roles in force only with two-factor sign-in, and a space role only in its space', () => {
		expect(actors['admin without 2FA']).toMatchObject({ roles: [], pendingRoles: ['admin'] });
		expect(actors.admin).toMatchObject({ roles: ['admin'], pendingRoles: [] });
		expect(actors['space admin']).toMatchObject({ roles: [], spaceRoles: { [ids.spaceId]: ['admin'] } });
	});
});

describe('admin services × actors (allowed, or ForbiddenError)', () => {
	const cases = rows.flatMap((row) =>
		actorNames.map((who) => ({ name: row.name, who, row, expected: allowed(row, who) ? 'allowed' : 'forbidden' }))
	);

	it.each(cases)('$name as $who: $expected', async ({ row, who, expected }) => {
		const outcome = row.call(actors[who], ids, fresh);
		if (expected === 'forbidden') await expect(outcome).rejects.toBeInstanceOf(ForbiddenError);
		// Allowed means the service ran: it returned a value (data, ok or a validation refusal) and threw nothing.
		else await expect(outcome).resolves.toBeDefined();
	});
});

describe('services authorise before reading anything', () => {
	// With records that do not exist, a service that looked them up first would answer 404 and so reveal what exists;
	// one that authorises on its first line still answers 403 to an actor it refuses.
	const unknown: Ids = {
		spaceId: randomUUID(),
		phaseId: randomUUID(),
		moduleId: randomUUID(),
		pageId: randomUUID(),
		departmentId: randomUUID(),
		neighbourhoodId: randomUUID(),
		zoneId: randomUUID(),
		userId: randomUUID(),
		kind: 'no-such-kind'
	};
	const nothing: Fresh = {
		phase: async () => randomUUID(),
		page: async () => randomUUID(),
		document: async () => randomUUID()
	};
	const cases = rows
		.filter((row) => !row.decidesAfterLoading)
		.flatMap((row) =>
			actorNames
				.filter((who) => who !== 'space admin' && !allowed(row, who))
				.map((who) => ({ name: row.name, who, row }))
		);

	it.each(cases)('$name as $who with unknown records: ForbiddenError', async ({ row, who }) => {
		await expect(row.call(actors[who], unknown, nothing)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

/**
 * A participation module other than the fixture `pages` module covers its own services in
 * `modules/<name>/<name>.permissions.medium.spec.ts` (action × role × phase setting, and every service a route calls
 * refused to the wrong actor before it reads or writes anything); its imports are left to that file.
 */
function coveredByModuleTest(importPath: string): boolean {
	const name = /^modules\/([^/]+)\/index\.ts$/.exec(importPath)?.[1];
	if (!name || name === 'pages') return false;
	return existsSync(join(process.cwd(), `src/lib/server/modules/${name}/${name}.permissions.medium.spec.ts`));
}

describe('the table covers every service the admin routes call', () => {
	const root = join(process.cwd(), 'src/routes/admin');
	const serverFiles = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? serverFiles(join(dir, entry.name))
				: /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(entry.name)
					? [join(dir, entry.name)]
					: []
		);
	/** Value imports (not `import type`, not `type X`) from `#lib/server/...`, by file. */
	const imported = serverFiles(root).map((file) => {
		const source = readFileSync(file, 'utf8');
		const names = [...source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'#lib\/server\/([^']+)'/g)]
			.filter((m) => !m[1] && !coveredByModuleTest(m[3]))
			.flatMap((m) => m[2].split(','))
			.map((s) => s.trim())
			.filter((s) => s && !s.startsWith('type '))
			.map((s) => s.split(/\s+as\s+/)[0]);
		return { file: relative(process.cwd(), file), names };
	});
	const tableNames = new Set(rows.map((r) => r.name));

	it('finds the admin route files and what they import', () => {
		expect(imported.length).toBeGreaterThan(20);
		expect(imported.flatMap((i) => i.names)).toContain('mountModuleOfKind');
	});

	it('has a row for every service a route imports', () => {
		const missing = imported.flatMap(({ file, names }) =>
			names.filter((n) => !tableNames.has(n) && !notServices.has(n)).map((n) => `${file}: ${n}`)
		);
		expect(missing).toEqual([]);
	});

	it('has no row for a service no route calls any more', () => {
		const used = new Set(imported.flatMap((i) => i.names));
		expect([...tableNames].filter((n) => !used.has(n))).toEqual([]);
	});

	it('has one row per service', () => {
		expect(rows.length).toBe(tableNames.size);
	});
});
