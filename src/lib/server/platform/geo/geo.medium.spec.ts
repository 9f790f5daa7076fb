import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, insertPerson } from '../../../../../tests/support/people.ts';
import { auditLog, departments, neighbourhoods, zoneNeighbourhoods, zones } from '../db/schema.ts';
import { ForbiddenError } from '../result.ts';
import { seedReferenceData } from '../../seed/reference.ts';
import { renameNeighbourhood } from './commands/rename-neighbourhood.ts';
import { redrawNeighbourhood } from './commands/redraw-neighbourhood.ts';
import { createNeighbourhood } from './commands/create-neighbourhood.ts';
import { createZone } from './commands/create-zone.ts';
import { updateZone } from './commands/update-zone.ts';
import { getZone, listNeighbourhoodsForAdmin, listZones } from './queries.ts';

const database = useTestDatabase();
const db = () => database().db;
const admin = async () => actorOf(await insertPerson('admin@primariatm.ro', { roles: ['admin'] }));
const square = {
	type: 'Polygon',
	coordinates: [
		[
			[21.2, 45.75],
			[21.21, 45.75],
			[21.21, 45.76],
			[21.2, 45.76],
			[21.2, 45.75]
		]
	]
};
const bySlug = async (slug: string) =>
	(await db().select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)))[0];

describe('reference data', () => {
	it('seeds directorates, the 31 OSM neighbourhoods and example zones, and a second run changes nothing', async () => {
		expect(await seedReferenceData(db())).toEqual({ departments: 10, neighbourhoods: 31, zones: 3 });
		await db()
			.update(neighbourhoods)
			.set({ name: { ro: 'Iosefin (redenumit)' } })
			.where(eq(neighbourhoods.slug, 'iosefin'));
		expect(await seedReferenceData(db())).toEqual({ departments: 0, neighbourhoods: 0, zones: 0 });
		expect((await bySlug('iosefin')).name).toEqual({ ro: 'Iosefin (redenumit)' });
		expect((await bySlug('braytim-timisoara-sud')).geometry?.type).toBe('Polygon');
		expect(await db().select().from(departments)).toHaveLength(10);
		const pilot = (await db().select().from(zones).where(eq(zones.slug, 'pilot-bp-2023')))[0];
		const members = await db().select().from(zoneNeighbourhoods).where(eq(zoneNeighbourhoods.zoneId, pilot.id));
		expect(members).toHaveLength(3);
	});
});

describe('neighbourhoods', () => {
	it('renames a neighbourhood per locale, audited with the old and new name', async () => {
		await seedReferenceData(db());
		const actor = await admin();
		const fabric = await bySlug('fabric');
		expect(
			await renameNeighbourhood(actor, fabric.id, { name_ro: 'Fabric', name_hu: 'Gyárváros', name_de: 'Fabrikstadt' })
		).toEqual({
			ok: true,
			value: { id: fabric.id }
		});
		expect((await bySlug('fabric')).name).toEqual({ ro: 'Fabric', hu: 'Gyárváros', de: 'Fabrikstadt' });
		expect(await renameNeighbourhood(actor, fabric.id, { name_ro: '' })).toEqual({
			ok: false,
			errors: { name_ro: 'validation_required' }
		});
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'neighbourhood.rename'));
		expect(entry.data).toEqual({
			before: { ro: 'Fabric' },
			after: { ro: 'Fabric', hu: 'Gyárváros', de: 'Fabrikstadt' }
		});
	});

	it('redraws a boundary from an uploaded GeoJSON Feature and refuses invalid files with a clear reason', async () => {
		await seedReferenceData(db());
		const actor = await admin();
		const centru = await bySlug('centru');
		const feature = JSON.stringify({ type: 'Feature', properties: { name: 'Centru' }, geometry: square });
		expect(await redrawNeighbourhood(actor, centru.id, { geojson: feature })).toEqual({
			ok: true,
			value: { id: centru.id }
		});
		expect((await bySlug('centru')).geometry).toEqual(square);
		const open = JSON.stringify({ type: 'Polygon', coordinates: [square.coordinates[0].slice(0, 4)] });
		expect(await redrawNeighbourhood(actor, centru.id, { geojson: open })).toEqual({
			ok: false,
			errors: { boundary: 'admin_geojson_ring_not_closed' }
		});
		expect(await redrawNeighbourhood(actor, centru.id, { geojson: '' })).toEqual({
			ok: false,
			errors: { boundary: 'admin_geojson_empty' }
		});
		expect((await bySlug('centru')).geometry).toEqual(square);
		expect(await db().select().from(auditLog).where(eq(auditLog.action, 'neighbourhood.redraw'))).toHaveLength(1);
	});

	it('adds a neighbourhood the seed lacks, with or without a boundary', async () => {
		const actor = await admin();
		const created = await createNeighbourhood(
			actor,
			{ name_ro: 'Freidorf', name_de: 'Freidorf' },
			JSON.stringify(square)
		);
		expect(created.ok).toBe(true);
		expect((await bySlug('freidorf')).geometry).toEqual(square);
		expect(await createNeighbourhood(actor, { name_ro: '' }, '{')).toEqual({
			ok: false,
			errors: { name_ro: 'validation_required', boundary: 'admin_geojson_not_json' }
		});
		const list = await listNeighbourhoodsForAdmin(actor);
		expect(list).toMatchObject([{ slug: 'freidorf', hasBoundary: true, zoneNames: [] }]);
	});

	it('is for administrators only', async () => {
		const staff = await actorOf(await insertPerson('staff@primariatm.ro', { roles: ['staff'] }));
		await expect(createNeighbourhood(staff, { name_ro: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listNeighbourhoodsForAdmin(staff)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('zones', () => {
	it('groups neighbourhoods into a zone and changes the grouping, audited', async () => {
		await seedReferenceData(db());
		const actor = await admin();
		const [a, b, c] = await Promise.all(['iosefin', 'elisabetin', 'fabric'].map(bySlug));
		const created = await createZone(actor, { name_ro: 'Zona BP 1', name_en: 'PB zone 1' }, [a.id, b.id]);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		expect((await getZone(actor, created.value.id)).neighbourhoodIds.sort()).toEqual([a.id, b.id].sort());
		expect(await updateZone(actor, created.value.id, { name_ro: 'Zona BP 1' }, [b.id, c.id])).toEqual({
			ok: true,
			value: { id: created.value.id }
		});
		expect((await getZone(actor, created.value.id)).neighbourhoodIds.sort()).toEqual([b.id, c.id].sort());
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'zone.update'));
		expect(entry.data).toMatchObject({ added: [c.id], removed: [a.id] });
		// A neighbourhood may be in several zones at once (a PB zone and a council area).
		const listed = (await listNeighbourhoodsForAdmin(actor)).find((n) => n.slug === 'elisabetin');
		expect(listed?.zoneNames.map((z) => z.ro).sort()).toEqual(['Zona BP 1']);
		expect((await listZones(actor)).find((z) => z.slug === 'zona-bp-1')?.neighbourhoods).toBe(2);
	});

	it('refuses neighbourhoods that do not exist', async () => {
		const actor = await admin();
		expect(await createZone(actor, { name_ro: 'Zona X' }, ['missing'])).toEqual({
			ok: false,
			errors: { neighbourhoods: 'admin_zone_unknown_neighbourhood' }
		});
		expect(await db().select().from(zones)).toHaveLength(0);
	});
});
