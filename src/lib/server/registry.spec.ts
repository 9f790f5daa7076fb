/** The module contract test: every manifest in the registry is checked against the contract in define-module.ts. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { modules } from './registry.ts';
import type { Actor } from './platform/actors/actor.ts';
import type { AnyModule, ModuleContext } from './platform/modules/define-module.ts';
import { settingLabelKey, settingsFields } from './platform/modules/settings-form.ts';

const root = process.cwd();
const localeCodes = ['ro', 'en', 'hu', 'de', 'sr', 'uk'];

/** Every message key per locale, across all areas. */
const messages: Record<string, Set<string>> = Object.fromEntries(
	localeCodes.map((l) => [
		l,
		new Set(
			readdirSync(join(root, 'messages')).flatMap((area) => {
				const file = join(root, 'messages', area, `${l}.json`);
				return existsSync(file)
					? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
							.filter(([, v]) => typeof v === 'string' && v.trim())
							.map(([k]) => k)
					: [];
			})
		)
	])
);

const base = { locale: 'ro', context: {} } as const;
const actors: Record<string, Actor> = {
	anonymous: { kind: 'anonymous', context: {} },
	citizen: {
		...base,
		kind: 'user',
		id: 'u-citizen',
		name: 'Ana',
		email: 'ana@example.ro',
		emailVerified: true,
		twoFactorEnabled: false,
		roles: [],
		pendingRoles: [],
		departmentIds: [],
		spaceRoles: {},
		verifications: ['email']
	},
	admin: {
		...base,
		kind: 'user',
		id: 'u-admin',
		name: 'Admin',
		email: 'admin@example.ro',
		emailVerified: true,
		twoFactorEnabled: true,
		roles: ['admin'],
		pendingRoles: [],
		departmentIds: [],
		spaceRoles: {},
		verifications: ['email']
	}
};

function contextFor(m: AnyModule, published: boolean): ModuleContext {
	return {
		module: { id: 'mod-1', spaceId: 'space-1', kind: m.name, published },
		space: { id: 'space-1', slug: 'test', status: published ? 'published' : 'draft' },
		settings: m.settings.global.parse({}),
		phaseSettings: m.settings.phase.parse({}),
		currentPhaseId: 'phase-1',
		requiredVerifications: {}
	};
}

describe('the module registry', () => {
	it('has at least one module and unique names', () => {
		expect(modules.length).toBeGreaterThan(0);
		const names = modules.map((m) => m.name);
		expect(new Set(names).size).toBe(names.length);
	});
});

describe.each(modules.map((m) => [m.name, m] as const))('module %s', (name, m) => {
	const folder = join(root, 'src/lib/server/modules', name);

	it('is named like its folder, URL segment and i18n prefix', () => {
		expect(name).toMatch(/^[a-z][a-z0-9]*$/);
		expect(existsSync(join(folder, 'index.ts')), `src/lib/server/modules/${name}/index.ts`).toBe(true);
		expect(
			existsSync(join(root, 'src/routes/processes/[slug]', name)),
			`public routes under /processes/[slug]/${name}`
		).toBe(true);
		expect(
			existsSync(join(root, 'src/routes/admin/processes/[id]', name)),
			`admin routes under /admin/processes/[id]/${name}`
		).toBe(true);
		expect(m.titleKey.startsWith(`${name}_`)).toBe(true);
	});

	it('prefixes every table with its name', async () => {
		const file = join(folder, 'schema.ts');
		if (!existsSync(file)) return;
		const schema = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
		const tables = Object.values(schema).filter(isTable);
		expect(tables.length, `tables exported by ${name}/schema.ts`).toBeGreaterThan(0);
		for (const table of tables) expect(getTableName(table)).toMatch(new RegExp(`^${name}_`));
	});

	it('parses empty settings to defaults, with only form-renderable types', () => {
		for (const schema of [m.settings.global, m.settings.phase]) {
			const parsed = schema.safeParse({});
			expect(parsed.success).toBe(true);
			for (const key of Object.keys(schema.shape)) expect(parsed.data, `default for ${key}`).toHaveProperty(key);
			expect(() => settingsFields(name, schema, parsed.data ?? {})).not.toThrow();
		}
	});

	it('decides every action for an anonymous visitor, a citizen and an admin', () => {
		expect(m.actions.length).toBeGreaterThan(0);
		for (const action of m.actions)
			for (const [who, actor] of Object.entries(actors))
				for (const published of [true, false]) {
					const decision = m.permissions(actor, action, contextFor(m, published));
					expect(typeof decision?.allowed, `${action} for ${who}`).toBe('boolean');
					if (!decision.allowed) expect(decision.reason, `${action} for ${who}: a reason`).toBeTruthy();
				}
		// Admins manage every module; a permission function that denies them everything is a bug.
		expect(m.actions.some((a) => m.permissions(actors.admin, a, contextFor(m, true)).allowed)).toBe(true);
	});

	it('has at least one open-data export with documented columns', () => {
		expect(m.exports.length).toBeGreaterThan(0);
		for (const e of m.exports) {
			expect(e.name).toMatch(/^[a-z][a-z0-9_]*$/);
			expect(e.description.length).toBeGreaterThan(10);
			expect(e.columns.length).toBeGreaterThan(0);
			expect(new Set(e.columns.map((c) => c.name)).size).toBe(e.columns.length);
			for (const c of e.columns) expect(c.description.length, `${e.name}.${c.name}`).toBeGreaterThan(5);
			expect(typeof e.rows).toBe('function');
		}
	});

	it('has a primary statistic', () => {
		expect(m.stats.filter((s) => s.primary).length).toBeGreaterThanOrEqual(1);
		for (const s of m.stats) expect(s.key.startsWith(`${name}_`)).toBe(true);
	});

	it('declares search sources for its resources', () => {
		expect(m.search.length).toBeGreaterThan(0);
		const resources = m.resources.map((r) => r.name);
		for (const source of m.search) {
			expect(resources).toContain(source.resource);
			expect(typeof source.documents).toBe('function');
		}
	});

	it('contributes to the process feed through a function, if at all', () => {
		if (m.feed !== undefined) expect(typeof m.feed).toBe('function');
	});

	it('can export and anonymise a person’s data', () => {
		expect(typeof m.personalData.exportFor).toBe('function');
		expect(typeof m.personalData.anonymize).toBe('function');
	});

	it('has every message it uses in all six locales', () => {
		const keys = [
			m.titleKey,
			...m.notifications.map((n) => n.key),
			...m.actions.map((a) => `${name}_action_${a}`),
			...[m.settings.global, m.settings.phase].flatMap((schema) =>
				settingsFields(name, schema, schema.parse({})).flatMap((f) => [
					settingLabelKey(name, f.key),
					...(f.options ?? []).map((o) => `${f.labelKey}_option_${o}`)
				])
			)
		];
		for (const key of keys) {
			expect(key.startsWith(`${name}_`), `${key} is in the module's namespace`).toBe(true);
			for (const l of localeCodes) expect(messages[l].has(key), `${key} in ${l}`).toBe(true);
		}
	});
});
