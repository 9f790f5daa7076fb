import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyModule } from './define-module.ts';
import { moduleContext, parseSettings, requiredVerificationsOf, type ModuleInstance } from './runtime.ts';

const schema = z.object({
	perPage: z.number().int().min(1).default(10),
	layout: z.enum(['list', 'map']).default('list')
});
const manifest = {
	name: 'demo',
	actions: ['read', 'vote'],
	defaultVerification: { vote: 'phone' },
	settings: { global: schema, phase: z.object({ open: z.boolean().default(false) }) }
} as unknown as AnyModule;

describe('module settings at run time', () => {
	it('fill in defaults and drop stored values the schema no longer accepts', () => {
		expect(parseSettings(schema, undefined)).toEqual({ perPage: 10, layout: 'list' });
		expect(parseSettings(schema, { perPage: 4, layout: 'grid', gone: true })).toEqual({ perPage: 4, layout: 'list' });
	});

	it('take the required verification from the space, else from the manifest', () => {
		expect(requiredVerificationsOf(manifest, {})).toEqual({ read: null, vote: 'phone' });
		expect(requiredVerificationsOf(manifest, { vote: null, read: 'residence' })).toEqual({
			read: 'residence',
			vote: null
		});
		expect(requiredVerificationsOf(manifest, { vote: 'passport' })).toEqual({ read: null, vote: null });
	});

	it('use the settings of the phase current at `now`, and defaults between phases', () => {
		const instance = {
			id: 'm',
			spaceId: 's',
			kind: 'demo',
			published: true,
			settings: { perPage: 3 },
			phaseSettings: { p2: { open: true } },
			requiredVerifications: {}
		} as unknown as ModuleInstance;
		const phases = [
			{ id: 'p1', position: 0, startsOn: '2025-03-01', endsOn: '2025-03-10' },
			{ id: 'p2', position: 1, startsOn: '2025-03-15', endsOn: '2025-03-31' }
		];
		const space = { id: 's', slug: 's', status: 'published' };
		const during = moduleContext(manifest, instance, space, phases, new Date('2025-03-20T12:00:00Z'));
		expect(during).toMatchObject({ currentPhaseId: 'p2', phaseSettings: { open: true }, settings: { perPage: 3 } });
		const gap = moduleContext(manifest, instance, space, phases, new Date('2025-03-12T12:00:00Z'));
		expect(gap).toMatchObject({ currentPhaseId: null, phaseSettings: { open: false } });
	});
});
