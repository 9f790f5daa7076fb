/**
 * Reference data every installation for Timișoara starts with: the city hall's directorates (plausible names, no
 * invented contact details), the 31 OpenStreetMap neighbourhoods, and a few zones. Idempotent: existing rows (by
 * slug) are left as administrators edited them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';
import type { Translated } from '../platform/db/columns.ts';
import { departments, neighbourhoods, zoneNeighbourhoods, zones, type GeoJSONGeometry } from '../platform/db/schema.ts';
import { checkGeometry } from '../platform/geo/geojson.ts';

const NEIGHBOURHOODS_FILE = new URL('../platform/geo/data/timisoara-neighborhoods-osm.geojson', import.meta.url);

export const referenceDepartments: { slug: string; name: Translated }[] = [
	{
		slug: 'directia-generala-secretariat',
		name: {
			ro: 'Direcția Generală Secretariat',
			en: 'General Secretariat Directorate',
			hu: 'Titkársági Főigazgatóság',
			de: 'Generaldirektion Sekretariat',
			sr: 'Generalna direkcija sekretarijata',
			uk: 'Генеральна дирекція секретаріату'
		}
	},
	{
		slug: 'biroul-guvernare-participativa',
		name: {
			ro: 'Biroul Guvernare Participativă',
			en: 'Participatory Governance Office',
			hu: 'Részvételi Kormányzási Iroda',
			de: 'Büro für partizipative Verwaltung',
			sr: 'Kancelarija za participativno upravljanje',
			uk: 'Бюро партисипативного врядування'
		}
	},
	{
		slug: 'directia-urbanism',
		name: {
			ro: 'Direcția Urbanism',
			en: 'Urban Planning Directorate',
			hu: 'Városrendezési Igazgatóság',
			de: 'Direktion Stadtplanung',
			sr: 'Direkcija za urbanizam',
			uk: 'Дирекція містобудування'
		}
	},
	{
		slug: 'directia-mobilitate',
		name: {
			ro: 'Direcția Mobilitate',
			en: 'Mobility Directorate',
			hu: 'Mobilitási Igazgatóság',
			de: 'Direktion Mobilität',
			sr: 'Direkcija za mobilnost',
			uk: 'Дирекція мобільності'
		}
	},
	{
		slug: 'directia-edilitara',
		name: {
			ro: 'Direcția Edilitară',
			en: 'Public Works Directorate',
			hu: 'Közműigazgatóság',
			de: 'Direktion Öffentliche Bauten',
			sr: 'Direkcija za komunalne radove',
			uk: 'Дирекція комунальних робіт'
		}
	},
	{
		slug: 'directia-mediu',
		name: {
			ro: 'Direcția de Mediu',
			en: 'Environment Directorate',
			hu: 'Környezetvédelmi Igazgatóság',
			de: 'Direktion Umwelt',
			sr: 'Direkcija za životnu sredinu',
			uk: 'Дирекція довкілля'
		}
	},
	{
		slug: 'directia-economica',
		name: {
			ro: 'Direcția Economică',
			en: 'Economic Directorate',
			hu: 'Gazdasági Igazgatóság',
			de: 'Direktion Wirtschaft und Finanzen',
			sr: 'Ekonomska direkcija',
			uk: 'Економічна дирекція'
		}
	},
	{
		slug: 'directia-comunicare',
		name: {
			ro: 'Direcția Comunicare',
			en: 'Communication Directorate',
			hu: 'Kommunikációs Igazgatóság',
			de: 'Direktion Kommunikation',
			sr: 'Direkcija za komunikaciju',
			uk: 'Дирекція комунікацій'
		}
	},
	{
		slug: 'directia-asistenta-sociala',
		name: {
			ro: 'Direcția de Asistență Socială',
			en: 'Social Assistance Directorate',
			hu: 'Szociális Igazgatóság',
			de: 'Direktion Sozialhilfe',
			sr: 'Direkcija za socijalnu pomoć',
			uk: 'Дирекція соціальної допомоги'
		}
	},
	{
		slug: 'directia-cladiri-terenuri',
		name: {
			ro: 'Direcția Clădiri, Terenuri și Dotări Diverse',
			en: 'Buildings, Land and Facilities Directorate',
			hu: 'Épületek, Telkek és Felszerelések Igazgatósága',
			de: 'Direktion Gebäude, Grundstücke und Ausstattung',
			sr: 'Direkcija za zgrade, zemljišta i opremu',
			uk: 'Дирекція будівель, земель та обладнання'
		}
	}
];

/**
 * Zones. The composition of the 2024 participatory-budgeting zones is not public, so besides the 2023 pilot (whose
 * neighbourhoods are documented; Polonă has no polygon in the OSM data) the zones are marked as examples.
 */
export const referenceZones: { slug: string; name: Translated; neighbourhoods: string[] }[] = [
	{
		slug: 'pilot-bp-2023',
		name: {
			ro: 'Pilot bugetare participativă 2023',
			en: 'Participatory budgeting pilot 2023',
			hu: 'Részvételi költségvetés – 2023-as kísérleti program',
			de: 'Pilotprojekt Bürgerhaushalt 2023',
			sr: 'Pilot participativnog budžeta 2023',
			uk: 'Пілот партисипативного бюджету 2023'
		},
		neighbourhoods: ['fratelia', 'ronat', 'kuncz']
	},
	{
		slug: 'exemplu-nord',
		name: {
			ro: 'Zonă exemplu: Nord',
			en: 'Example zone: North',
			hu: 'Példazóna: Észak',
			de: 'Beispielzone: Nord',
			sr: 'Primer zone: Sever',
			uk: 'Приклад зони: Північ'
		},
		neighbourhoods: ['aradului', 'lipovei', 'torontalului', 'blascovici', 'ciarda-rosie']
	},
	{
		slug: 'exemplu-sud',
		name: {
			ro: 'Zonă exemplu: Sud',
			en: 'Example zone: South',
			hu: 'Példazóna: Dél',
			de: 'Beispielzone: Süd',
			sr: 'Primer zone: Jug',
			uk: 'Приклад зони: Південь'
		},
		neighbourhoods: ['sagului', 'dambovita', 'steaua', 'braytim-timisoara-sud', 'girocului', 'soarelui']
	}
];

interface SeedFeature {
	properties: { id: string; name: string };
	geometry: unknown;
}

/** The seed neighbourhoods, read from the shipped OSM GeoJSON. Slugs are the file's ids with hyphens. */
export function referenceNeighbourhoods(): { slug: string; name: Translated; geometry: GeoJSONGeometry }[] {
	const data = JSON.parse(readFileSync(fileURLToPath(NEIGHBOURHOODS_FILE), 'utf8')) as { features: SeedFeature[] };
	return data.features.map((f) => {
		const checked = checkGeometry(f.geometry);
		if (!checked.ok) throw new Error(`seed neighbourhood ${f.properties.id}: ${checked.error}`);
		return {
			slug: f.properties.id.replace(/_+/g, '-'),
			// Place names are proper nouns, the same in every language; administrators may add local forms.
			name: { ro: f.properties.name },
			geometry: checked.geometry
		};
	});
}

export async function seedReferenceData(
	db: Db
): Promise<{ departments: number; neighbourhoods: number; zones: number }> {
	return db.transaction(async (tx) => {
		const d = await tx.insert(departments).values(referenceDepartments).onConflictDoNothing().returning();
		const n = await tx.insert(neighbourhoods).values(referenceNeighbourhoods()).onConflictDoNothing().returning();
		let zoneCount = 0;
		for (const zone of referenceZones) {
			const [created] = await tx
				.insert(zones)
				.values({ slug: zone.slug, name: zone.name })
				.onConflictDoNothing()
				.returning({ id: zones.id });
			// A zone that already existed keeps the neighbourhoods administrators gave it.
			if (!created) continue;
			zoneCount++;
			const members = await tx
				.select({ id: neighbourhoods.id })
				.from(neighbourhoods)
				.where(inArray(neighbourhoods.slug, zone.neighbourhoods));
			if (members.length)
				await tx
					.insert(zoneNeighbourhoods)
					.values(members.map((m) => ({ zoneId: created.id, neighbourhoodId: m.id })))
					.onConflictDoNothing();
		}
		return { departments: d.length, neighbourhoods: n.length, zones: zoneCount };
	});
}
