/**
 * Demo participatory-budgeting editions (demo data only, deterministic: a seeded PRNG decides every choice):
 * "Timișoara Decide! 2024", closed — 8 zones of real neighbourhoods × 500,000 lei, up to 5 votes, ~45 projects on
 * the ballot, ineligible ideas with reasons and one upheld appeal, ≥ 5,000 generated ballots cast online, assisted
 * and on paper through the ballot box (in bulk, still one per person by the roll's primary key), results computed by the results command, funded projects in implementation;
 * and an edition open for voting today, so a demo citizen can vote.
 */
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/index.ts';
import {
	departments,
	neighbourhoods,
	phases,
	resourceLinks,
	user,
	verifications,
	zoneNeighbourhoods,
	zones
} from '../../platform/db/schema.ts';
import { linkResources } from '../../platform/links/index.ts';
import { logger } from '../../platform/log.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { grantVerification } from '../../platform/verification/grant-verification.ts';
import { proposalsForApi } from '../proposals/index.ts';
import { castFirstBallotsInBulk, enterOnRoll } from './ballot-box.ts';
import type { BallotChoice } from './schema.ts';
import { addProgressEntry } from './commands/add-progress-entry.ts';
import { computeResults } from './commands/compute-results.ts';
import { updateImplementation } from './commands/update-implementation.ts';
import { budgets } from './manifest.ts';
import { PROJECT_RESOURCE } from './queries.ts';
import {
	budgetsAppeals,
	budgetsCategories,
	budgetsDecisions,
	budgetsDesks,
	budgetsPaperEntries,
	budgetsProgress,
	budgetsProjects,
	budgetsResults,
	budgetsZones
} from './schema.ts';

/** mulberry32: small, fast, and the same sequence on every run. */
export function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The 2024 zones: the 31 OpenStreetMap neighbourhoods grouped by area; populations sum to 250,000. */
const zonePlan: { code: string; name: Translated; population: number; hoods: string[] }[] = [
	{
		code: 'Z1',
		name: {
			ro: 'Zona 1 – Centru și Elisabetin',
			en: 'Zone 1 – Centre and Elisabetin',
			hu: '1. zóna – Belváros és Erzsébetváros',
			de: 'Zone 1 – Zentrum und Elisabethstadt',
			sr: 'Zona 1 – Centar i Elizabetin',
			uk: 'Зона 1 – Центр і Елізабетін'
		},
		population: 32_000,
		hoods: ['centru', 'bastion', 'elisabetin', 'olimpiastadion']
	},
	{
		code: 'Z2',
		name: {
			ro: 'Zona 2 – Iosefin și Dâmbovița',
			en: 'Zone 2 – Iosefin and Dâmbovița',
			hu: '2. zóna – Józsefváros és Dâmbovița',
			de: 'Zone 2 – Josefstadt und Dâmbovița',
			sr: 'Zona 2 – Josefin i Dambovica',
			uk: 'Зона 2 – Йосефін і Димбовіца'
		},
		population: 36_000,
		hoods: ['iosefin', 'dambovita', 'kuncz', 'printul-turcesc-lunei']
	},
	{
		code: 'Z3',
		name: {
			ro: 'Zona 3 – Șagului și Fratelia',
			en: 'Zone 3 – Șagului and Fratelia',
			hu: '3. zóna – Șagului és Fratelia',
			de: 'Zone 3 – Șagului und Fratelia',
			sr: 'Zona 3 – Šaguluj i Fratelija',
			uk: 'Зона 3 – Шагулуй і Фрателія'
		},
		population: 33_000,
		hoods: ['sagului', 'steaua', 'ciarda-rosie', 'fratelia']
	},
	{
		code: 'Z4',
		name: {
			ro: 'Zona 4 – Girocului și Soarelui',
			en: 'Zone 4 – Girocului and Soarelui',
			hu: '4. zóna – Girocului és Soarelui',
			de: 'Zone 4 – Girocului und Soarelui',
			sr: 'Zona 4 – Đirokuluj i Soareluj',
			uk: 'Зона 4 – Джірокулуй і Соарелуй'
		},
		population: 38_000,
		hoods: ['girocului', 'soarelui', 'braytim-timisoara-sud', 'complex-studentesc']
	},
	{
		code: 'Z5',
		name: {
			ro: 'Zona 5 – Fabric și Calea Buziașului',
			en: 'Zone 5 – Fabric and Calea Buziașului',
			hu: '5. zóna – Gyárváros és Buziási út',
			de: 'Zone 5 – Fabrikstadt und Calea Buziașului',
			sr: 'Zona 5 – Fabrik i Kalea Buzijašuluj',
			uk: 'Зона 5 – Фабрік і Калеа Бузіашулуй'
		},
		population: 28_000,
		hoods: ['fabric', 'buziasului', 'plopi', 'modern']
	},
	{
		code: 'Z6',
		name: {
			ro: 'Zona 6 – Lipovei și Tipografilor',
			en: 'Zone 6 – Lipovei and Tipografilor',
			hu: '6. zóna – Lippai út és Tipografilor',
			de: 'Zone 6 – Lipovei und Tipografilor',
			sr: 'Zona 6 – Lipovej i Tipografilor',
			uk: 'Зона 6 – Ліповей і Типографілор'
		},
		population: 27_000,
		hoods: ['lipovei', 'ghiroda-noua', 'telegrafului', 'tipografilor']
	},
	{
		code: 'Z7',
		name: {
			ro: 'Zona 7 – Calea Aradului și Circumvalațiunii',
			en: 'Zone 7 – Calea Aradului and Circumvalațiunii',
			hu: '7. zóna – Aradi út és Circumvalațiunii',
			de: 'Zone 7 – Calea Aradului und Circumvalațiunii',
			sr: 'Zona 7 – Kalea Araduluj i Cirkumvalacijuni',
			uk: 'Зона 7 – Калеа Арадулуй і Чиркумвалацюній'
		},
		population: 34_000,
		hoods: ['aradului', 'torontalului', 'circumvalatiunii']
	},
	{
		code: 'Z8',
		name: {
			ro: 'Zona 8 – Mehala și Ronaț',
			en: 'Zone 8 – Mehala and Ronaț',
			hu: '8. zóna – Mehala és Ronac',
			de: 'Zone 8 – Mehala und Ronatz',
			sr: 'Zona 8 – Mehala i Ronac',
			uk: 'Зона 8 – Мехала і Ронац'
		},
		population: 22_000,
		hoods: ['mehala', 'blascovici', 'ronat', 'crisan']
	}
];

const categories: { key: string; name: Translated; department: string }[] = [
	{
		key: 'mobility',
		name: { ro: 'Mobilitate', en: 'Mobility', hu: 'Közlekedés', de: 'Mobilität', sr: 'Mobilnost', uk: 'Мобільність' },
		department: 'directia-mobilitate'
	},
	{
		key: 'green',
		name: {
			ro: 'Spații verzi',
			en: 'Green spaces',
			hu: 'Zöldterületek',
			de: 'Grünflächen',
			sr: 'Zelene površine',
			uk: 'Зелені зони'
		},
		department: 'directia-mediu'
	},
	{
		key: 'play',
		name: {
			ro: 'Joacă și sport',
			en: 'Play and sport',
			hu: 'Játék és sport',
			de: 'Spiel und Sport',
			sr: 'Igra i sport',
			uk: 'Ігри та спорт'
		},
		department: 'directia-edilitara'
	},
	{
		key: 'light',
		name: {
			ro: 'Siguranță și iluminat',
			en: 'Safety and lighting',
			hu: 'Biztonság és világítás',
			de: 'Sicherheit und Beleuchtung',
			sr: 'Bezbednost i osvetljenje',
			uk: 'Безпека й освітлення'
		},
		department: 'directia-edilitara'
	},
	{
		key: 'culture',
		name: {
			ro: 'Cultură și comunitate',
			en: 'Culture and community',
			hu: 'Kultúra és közösség',
			de: 'Kultur und Gemeinschaft',
			sr: 'Kultura i zajednica',
			uk: 'Культура й громада'
		},
		department: 'directia-urbanism'
	}
];

type Item = [title: string, category: string, hood: string, address: string, cost: number];

/** The ballot of 2024: 45 projects, by zone. */
const ballot2024: Record<string, Item[]> = {
	Z1: [
		['Grădină de ploaie lângă Bastionul Theresia', 'green', 'bastion', 'Str. Hector', 220_000],
		['Cișmele cu apă potabilă în Parcul Central', 'green', 'centru', 'Parcul Central', 95_000],
		['Rasteluri acoperite pentru biciclete în Piața Libertății', 'mobility', 'centru', 'Piața Libertății', 80_000],
		['Umbrire cu arbori pe Str. Mercy', 'green', 'centru', 'Str. Mercy', 310_000],
		['Loc de joacă incluziv în Parcul Rozelor', 'play', 'elisabetin', 'Parcul Rozelor', 450_000],
		['Treceri de pietoni iluminate pe Bd. 16 Decembrie 1989', 'light', 'elisabetin', 'Bd. 16 Decembrie 1989', 260_000]
	],
	Z2: [
		['Piațetă verde în Piața Mocioni', 'green', 'iosefin', 'Piața Mocioni', 380_000],
		['Iluminat LED pe aleile dintre blocurile din Dâmbovița', 'light', 'dambovita', 'Aleea Dâmboviței', 190_000],
		['Teren de baschet 3x3 pe Str. Ion Vidu', 'play', 'iosefin', 'Str. Ion Vidu', 240_000],
		['Stație de reparat biciclete la Piața Iosefin', 'mobility', 'iosefin', 'Piața Iosefin', 60_000],
		['Grădină comunitară pe Str. Gheorghe Lazăr', 'culture', 'kuncz', 'Str. Gheorghe Lazăr', 150_000],
		['Fântână arteziană restaurată pe Bd. Regele Carol I', 'culture', 'iosefin', 'Bd. Regele Carol I', 420_000]
	],
	Z3: [
		['Pistă de biciclete pe Calea Șagului', 'mobility', 'sagului', 'Calea Șagului', 480_000],
		['Loc de joacă nou în Parcul Fratelia', 'play', 'fratelia', 'Str. Ion Ionescu de la Brad', 350_000],
		['Bibliotecă de cartier în Fratelia', 'culture', 'fratelia', 'Str. Ion Ionescu de la Brad', 200_000],
		['Spațiu verde amenajat pe Str. Eforie', 'green', 'steaua', 'Str. Eforie', 170_000],
		['Trotuare refăcute pe Calea Ciarda Roșie', 'mobility', 'ciarda-rosie', 'Str. Ciarda Roșie', 290_000]
	],
	Z4: [
		['Parc de buzunar între blocurile de pe Calea Girocului', 'green', 'girocului', 'Calea Girocului', 260_000],
		['Foișor și mese de șah în Parcul Soarelui', 'culture', 'soarelui', 'Parcul Soarelui', 120_000],
		[
			'Traseu de alergare pe malul Begăi la Complexul Studențesc',
			'play',
			'complex-studentesc',
			'Splaiul Tudor Vladimirescu',
			330_000
		],
		[
			'Adăposturi în stațiile de autobuz de pe Calea Martirilor',
			'mobility',
			'braytim-timisoara-sud',
			'Calea Martirilor',
			210_000
		],
		[
			'Teren de sport multifuncțional în Braytim',
			'play',
			'braytim-timisoara-sud',
			'Str. Aurel Popovici Bănățeanu',
			470_000
		],
		['Colectare separată a deșeurilor pe Aleea Studenților', 'green', 'complex-studentesc', 'Aleea Studenților', 90_000]
	],
	Z5: [
		['Piața Traian redată pietonilor', 'mobility', 'fabric', 'Piața Traian', 495_000],
		['Bănci și copaci pe Str. Dacilor', 'green', 'fabric', 'Str. Dacilor', 180_000],
		['Loc de joacă în Parcul Plopi', 'play', 'plopi', 'Str. Plopilor', 310_000],
		['Alee pietonală iluminată spre Gara de Est', 'light', 'modern', 'Str. Gării de Est', 260_000],
		['Grădină senzorială pentru copii pe Calea Buziașului', 'play', 'buziasului', 'Calea Buziașului', 140_000]
	],
	Z6: [
		['Alee de promenadă în Pădurea Verde', 'green', 'lipovei', 'Calea Lipovei', 420_000],
		[
			'Stații de încărcare pentru biciclete electrice pe Calea Lipovei',
			'mobility',
			'lipovei',
			'Calea Lipovei',
			150_000
		],
		['Trotuar nou pe Str. Telegrafului', 'mobility', 'telegrafului', 'Str. Telegrafului', 280_000],
		['Loc de joacă pe Str. Tipografilor', 'play', 'tipografilor', 'Str. Tipografilor', 330_000],
		['Colț de lectură în aer liber lângă Grădina Zoologică', 'culture', 'lipovei', 'Calea Lipovei', 95_000],
		['Gard viu și bănci pe Str. Ghirodei', 'green', 'ghiroda-noua', 'Str. Ghirodei', 110_000]
	],
	Z7: [
		[
			'Stație de autobuz acoperită la Piața Consiliul Europei',
			'mobility',
			'circumvalatiunii',
			'Piața Consiliul Europei',
			75_000
		],
		['Parc de buzunar în curtea fostei centrale termice', 'green', 'circumvalatiunii', 'Str. Arieș', 300_000],
		['Pistă de biciclete pe Calea Torontalului', 'mobility', 'torontalului', 'Calea Torontalului', 460_000],
		['Mese de tenis în Parcul Circumvalațiunii', 'play', 'circumvalatiunii', 'Bd. Cetății', 85_000],
		['Iluminat pe aleile parcului de pe Calea Aradului', 'light', 'aradului', 'Calea Aradului', 190_000]
	],
	Z8: [
		['Umbrare și fântână de băut în Piața Mehala', 'green', 'mehala', 'Piața Avram Iancu', 210_000],
		['Loc de joacă în Parcul Ronaț', 'play', 'ronat', 'Str. Ronaț', 340_000],
		['Trotuare accesibile pe Str. Avram Imbroane', 'mobility', 'mehala', 'Str. Avram Imbroane', 300_000],
		['Grădină comunitară în Blașcovici', 'culture', 'blascovici', 'Str. Bogdăneștilor', 120_000],
		['Treceri de pietoni sigure lângă școala din Crișan', 'light', 'crisan', 'Str. Crișan', 160_000],
		['Mobilier urban și coșuri de gunoi pe Calea Torontalului, Mehala', 'green', 'mehala', 'Calea Torontalului', 90_000]
	]
};

/** Ideas the commission found ineligible, with the public reason. */
const ineligible2024: Record<string, [title: string, hood: string, cost: number, reason: string]> = {
	Z1: [
		'Parcare subterană sub Piața Victoriei',
		'centru',
		12_000_000,
		'Costul estimat depășește de peste 20 de ori bugetul zonei (500.000 lei).'
	],
	Z2: [
		'Renovarea fațadei unui bloc de pe Str. Brâncoveanu',
		'iosefin',
		180_000,
		'Clădirea este proprietate privată; regulamentul finanțează doar lucrări pe domeniul public.'
	],
	Z3: [
		'Aquapark în Ciarda Roșie',
		'ciarda-rosie',
		9_500_000,
		'Terenul propus nu aparține municipiului, iar costul depășește bugetul zonei.'
	],
	Z4: [
		'Burse pentru studenții din Complexul Studențesc',
		'complex-studentesc',
		250_000,
		'Nu este o investiție: bursele sunt cheltuieli curente, excluse de regulament.'
	],
	Z5: [
		'Linie nouă de tramvai pe Calea Buziașului',
		'buziasului',
		40_000_000,
		'Depășește costul maxim al unui proiect și face parte din Planul de mobilitate urbană.'
	],
	Z6: [
		'Sală de evenimente în Ghiroda Nouă',
		'ghiroda-noua',
		800_000,
		'Terenul se află pe teritoriul comunei Ghiroda, în afara municipiului.'
	],
	Z7: [
		'Mutarea căii ferate de pe Calea Aradului',
		'aradului',
		60_000_000,
		'Infrastructura feroviară nu este în competența municipiului.'
	],
	Z8: [
		'Statuie a unui sportiv în viață în Piața Mehala',
		'mehala',
		150_000,
		'Regulamentul exclude monumentele dedicate persoanelor în viață.'
	]
};

/** The open edition's ballot: 4 projects per zone (what, where). */
const openWhat = [
	['Loc de joacă nou', 'play'],
	['Bănci, copaci și umbrire', 'green'],
	['Iluminat pietonal', 'light'],
	['Rasteluri și pistă pentru biciclete', 'mobility']
] as const;
const openWhere: Record<string, string[]> = {
	Z1: ['Str. Alba Iulia', 'Parcul Justiției', 'Str. Romulus', 'Bd. Mihai Eminescu'],
	Z2: ['Str. Constantin Diaconovici Loga', 'Piața Bălcescu', 'Str. Văcărescu', 'Bd. Iosif Bulbuca'],
	Z3: ['Str. Mangalia', 'Str. Cluj', 'Str. Brâncoveanu', 'Calea Martirilor'],
	Z4: ['Str. Cugir', 'Str. Arad', 'Str. Grigore Alexandrescu', 'Aleea Sportivilor'],
	Z5: ['Str. Ștefan cel Mare', 'Str. Ana Ipătescu', 'Bd. Take Ionescu', 'Str. Timocului'],
	Z6: ['Str. Aristide Demetriade', 'Str. Petre Ispirescu', 'Str. Gheorghe Adam', 'Calea Lipovei'],
	Z7: ['Str. Gheorghe Doja', 'Str. Paris', 'Bd. Cetății', 'Str. Gloriei'],
	Z8: ['Str. Ovidiu Balea', 'Str. Lorena', 'Str. Ioan Slavici', 'Str. Crișan']
};

/** Proposals of the "Timișoara Decide!" demo process that became ideas of 2024 (the chain on their pages). */
const promotedProposals: [proposalTitle: string, code: string][] = [
	['Pistă de biciclete pe Calea Șagului', 'Z3-01'],
	['Bibliotecă de cartier în Fratelia', 'Z3-03'],
	['Stație de autobuz acoperită la Piața Consiliul Europei', 'Z7-01'],
	['Parc de buzunar în curtea fostei centrale termice', 'Z7-02']
];

const settings = {
	ballotKind: 'approval',
	maxChoices: 5,
	ballotScope: 'per_zone',
	voterZones: 'choice',
	minAge: 16,
	rule: 'greedy',
	tieBreak: 'min-cost-max-votes',
	leftoverRule: 'top_up',
	topUpLimit: 100_000,
	rulesUrl: 'https://www.primariatm.ro/'
} as const;

const day = (now: Date, offset: number) => todayInBucharest(now.getTime() + offset * 86_400_000);
const at = (iso: string) => new Date(`${iso}T10:00:00+03:00`);

interface EditionSpec {
	slug: string;
	title: Translated;
	summary: Translated;
	phases: [title: Translated, stage: string, from: string, to: string][];
}

/** A published process with a budgets module whose phases carry the stages. */
async function createEdition(db: Db, spec: EditionSpec) {
	const actor = system('seed');
	const created = await createProcess(actor, {
		slug: spec.slug,
		title: spec.title,
		summary: spec.summary,
		description: {
			ro: 'Locuitorii Timișoarei propun proiecte de investiții pentru cartierul lor, specialiștii primăriei le verifică, iar locuitorii votează. Proiectele câștigătoare sunt realizate din bugetul local.',
			en: 'Timișoara residents propose investment projects for their neighbourhood, City Hall specialists check them, and residents vote. The winning projects are built from the local budget.'
		},
		organiser: {
			ro: 'Biroul Guvernare Participativă, Primăria Municipiului Timișoara',
			en: 'Participatory Governance Office, Timișoara City Hall'
		},
		decides: {
			ro: 'Votul locuitorilor decide ce proiecte sunt finanțate, în limita bugetului fiecărei zone.',
			en: 'The residents’ vote decides which projects are funded, within each zone’s budget.'
		},
		expectedResult: {
			ro: 'Proiectele câștigătoare, incluse în bugetul local și realizate.',
			en: 'The winning projects, included in the local budget and built.'
		}
	});
	if (!created.ok) throw new Error(`demo edition ${spec.slug}: ${JSON.stringify(created.errors)}`);
	const spaceId = created.value.id;
	for (const [title, , startsOn, endsOn] of spec.phases) {
		const r = await addPhase(actor, spaceId, { title, description: { ro: '' }, startsOn, endsOn });
		if (!r.ok) throw new Error(`demo edition phase: ${JSON.stringify(r.errors)}`);
	}
	const title = {
		ro: 'Bugetare participativă',
		en: 'Participatory budgeting',
		hu: 'Részvételi költségvetés',
		de: 'Bürgerhaushalt',
		sr: 'Participativni budžet',
		uk: 'Партисипативний бюджет'
	};
	const mounted = await mountModule(actor, { spaceId, manifest: budgets }, { title });
	if (!mounted.ok) throw new Error(`demo edition module: ${JSON.stringify(mounted.errors)}`);
	const moduleId = mounted.value.id;
	const phaseRows = await db.select().from(phases).where(eq(phases.spaceId, spaceId)).orderBy(asc(phases.startsOn));
	const phaseSettings = Object.fromEntries(
		phaseRows.map((p) => [p.id, { stage: spec.phases.find((s) => s[2] === p.startsOn)?.[1] ?? 'information' }])
	);
	const configured = await configureModule(
		actor,
		{ spaceId, moduleId, manifest: budgets },
		{ title, published: true, settings, phaseSettings, requiredVerifications: {} }
	);
	if (!configured.ok) throw new Error(`demo edition settings: ${JSON.stringify(configured.errors)}`);
	await publishProcessAndModules(actor, spaceId);
	return { spaceId, moduleId };
}

/** A point near the middle of a neighbourhood's outline (the mean of its outer ring), with a little jitter. */
function placeIn(geometry: unknown, random: () => number): [number, number] | [null, null] {
	const g = geometry as { type?: string; coordinates?: unknown } | null;
	const ring =
		(g?.type === 'Polygon'
			? (g.coordinates as number[][][])[0]
			: g?.type === 'MultiPolygon'
				? (g.coordinates as number[][][][])[0][0]
				: null) ?? [];
	if (!ring.length) return [null, null];
	const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
	const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
	return [lat + (random() - 0.5) * 0.004, lng + (random() - 0.5) * 0.006];
}

/** Platform zones of the demo (one per pot) over the real neighbourhoods, created once. */
async function demoZones(db: Db) {
	const hoods = await db.select().from(neighbourhoods);
	const bySlug = new Map(hoods.map((h) => [h.slug, h]));
	const out: { plan: (typeof zonePlan)[number]; zoneId: string; hoods: typeof hoods }[] = [];
	for (const plan of zonePlan) {
		const slug = `bp-2024-${plan.code.toLowerCase()}`;
		let [zone] = await db.select().from(zones).where(eq(zones.slug, slug));
		if (!zone) {
			[zone] = await db.insert(zones).values({ slug, name: plan.name }).returning();
			const ids = plan.hoods.flatMap((h) => (bySlug.get(h) ? [bySlug.get(h)!.id] : []));
			if (ids.length)
				await db
					.insert(zoneNeighbourhoods)
					.values(ids.map((neighbourhoodId) => ({ zoneId: zone.id, neighbourhoodId })));
		}
		out.push({ plan, zoneId: zone.id, hoods: plan.hoods.flatMap((h) => (bySlug.get(h) ? [bySlug.get(h)!] : [])) });
	}
	return { zones: out, bySlug };
}

async function potsAndCategories(db: Db, moduleId: string, demo: Awaited<ReturnType<typeof demoZones>>) {
	const pots = await db
		.insert(budgetsZones)
		.values(
			demo.zones.map((z, i) => ({
				moduleId,
				zoneId: z.zoneId,
				code: z.plan.code,
				name: z.plan.name,
				budget: 500_000,
				maxProjectCost: 500_000,
				minEligibleProjects: 5,
				population: z.plan.population,
				position: i + 1
			}))
		)
		.returning();
	const cats = await db
		.insert(budgetsCategories)
		.values(categories.map((c, i) => ({ moduleId, name: c.name, position: i })))
		.returning();
	const depts = await db.select({ id: departments.id, slug: departments.slug }).from(departments);
	const catId = new Map(categories.map((c, i) => [c.key, cats[i].id]));
	const deptOf = new Map(categories.map((c) => [c.key, depts.find((d) => d.slug === c.department)?.id ?? null]));
	return { pots, catId, deptOf };
}

const body = (title: string, address: string) =>
	`${title}.\n\nLocul propus: **${address}**. Locuitorii din zonă folosesc zilnic acest spațiu, iar proiectul îl face mai sigur, mai verde și mai prietenos pentru copii și vârstnici.\n\nProiectul a fost verificat de direcția de specialitate a primăriei, care a confirmat că poate fi realizat pe domeniul public.`;

const demoCitizens = (db: Db) =>
	db.select({ id: user.id }).from(user).where(like(user.email, '%@demo.vocea.local')).orderBy(asc(user.email));

/** Generated voters (demo accounts that never sign in): inserted in bulk, deterministic ids. */
async function generatedVoters(db: Db, prefix: string, count: number) {
	const ids: string[] = [];
	for (let start = 0; start < count; start += 1000) {
		const rows = [];
		for (let i = start; i < Math.min(count, start + 1000); i++) {
			const id = `${prefix}-${String(i + 1).padStart(5, '0')}`;
			ids.push(id);
			rows.push({ id, name: `Votant ${i + 1}`, email: `${id}@votanti.demo.vocea.local`, emailVerified: true });
		}
		await db.insert(user).values(rows).onConflictDoNothing();
	}
	return ids;
}

/** Up to `k` distinct items, each drawn with probability proportional to its weight. */
function pick<T>(items: T[], weights: number[], k: number, random: () => number): T[] {
	const pool = items.map((item, i) => ({ item, w: weights[i] }));
	const out: T[] = [];
	while (out.length < k && pool.length) {
		let r = random() * pool.reduce((s, p) => s + p.w, 0);
		let i = 0;
		while (i < pool.length - 1 && r >= pool[i].w) r -= pool[i++].w;
		out.push(pool.splice(i, 1)[0].item);
	}
	return out;
}

export interface DemoBudgetsSummary {
	slugs: string[];
	ballots: number;
}

/** The closed 2024 edition. */
async function seedClosedEdition(db: Db, now: Date, random: () => number): Promise<number> {
	const { moduleId } = await createEdition(db, {
		slug: 'timisoara-decide-2024',
		title: {
			ro: 'Timișoara Decide! 2024',
			en: 'Timișoara Decides! 2024',
			hu: 'Temesvár dönt! 2024',
			de: 'Temeswar entscheidet! 2024',
			sr: 'Temišvar odlučuje! 2024',
			uk: 'Тімішоара вирішує! 2024'
		},
		summary: {
			ro: 'Bugetarea participativă 2024: 8 zone × 500.000 lei. Votul s-a încheiat; urmăriți realizarea proiectelor câștigătoare.',
			en: 'Participatory budgeting 2024: 8 zones × 500,000 lei. Voting is over; follow how the winning projects are built.'
		},
		phases: [
			[{ ro: 'Informare', en: 'Information' }, 'information', '2024-02-01', '2024-02-29'],
			[{ ro: 'Depunerea ideilor', en: 'Idea submission' }, 'ideas', '2024-03-01', '2024-04-15'],
			[{ ro: 'Verificarea eligibilității', en: 'Eligibility check' }, 'eligibility', '2024-04-16', '2024-05-15'],
			[
				{ ro: 'Evaluare tehnică și financiară', en: 'Technical and financial evaluation' },
				'evaluation',
				'2024-05-16',
				'2024-06-30'
			],
			[{ ro: 'Contestații', en: 'Appeals' }, 'appeals', '2024-07-01', '2024-07-15'],
			[{ ro: 'Vot', en: 'Voting' }, 'voting', '2024-09-02', '2024-09-29'],
			[{ ro: 'Rezultate', en: 'Results' }, 'results', '2024-09-30', '2024-10-31'],
			[{ ro: 'Implementare', en: 'Implementation' }, 'implementation', '2024-11-01', day(now, 400)]
		]
	});
	const demo = await demoZones(db);
	const { pots, catId, deptOf } = await potsAndCategories(db, moduleId, demo);
	const authors = (await demoCitizens(db)).map((u) => u.id);

	// Ideas: the ballot, then the ineligible ones.
	const values: (typeof budgetsProjects.$inferInsert)[] = [];
	demo.zones.forEach((z, zi) => {
		const pot = pots[zi];
		ballot2024[z.plan.code].forEach(([title, cat, hood, address, cost], j) => {
			const [lat, lng] = placeIn(demo.bySlug.get(hood)?.geometry, random);
			const cityCost = Math.min(500_000, Math.round((cost * (0.92 + random() * 0.2)) / 1000) * 1000);
			values.push({
				moduleId,
				zoneId: pot.id,
				code: `${pot.code}-${String(j + 1).padStart(2, '0')}`,
				authorId: authors.length ? authors[(zi + j) % authors.length] : null,
				title,
				body: body(title, address),
				categoryId: catId.get(cat) ?? null,
				neighbourhoodId: demo.bySlug.get(hood)?.id ?? null,
				address,
				latitude: lat,
				longitude: lng,
				estimatedCost: cost,
				cityCost,
				eligibility: 'eligible',
				evaluation: 'feasible',
				departmentId: deptOf.get(cat) ?? null,
				createdAt: at(`2024-03-${String(1 + ((zi * 7 + j * 3) % 28)).padStart(2, '0')}`)
			});
		});
		const [title, hood, cost, reason] = ineligible2024[z.plan.code];
		values.push({
			moduleId,
			zoneId: pot.id,
			code: `${pot.code}-${String(ballot2024[z.plan.code].length + 1).padStart(2, '0')}`,
			authorId: authors.length ? authors[zi % authors.length] : null,
			title,
			body: body(title, demo.bySlug.get(hood)?.name.ro ?? 'Timișoara'),
			neighbourhoodId: demo.bySlug.get(hood)?.id ?? null,
			estimatedCost: cost,
			eligibility: 'ineligible',
			eligibilityReason: reason,
			createdAt: at('2024-04-10')
		});
	});
	const projects = await db.insert(budgetsProjects).values(values).returning();
	const byCode = new Map(projects.map((p) => [p.code, p]));

	// The public decision log; one idea was found ineligible, appealed, and admitted.
	const decisions: (typeof budgetsDecisions.$inferInsert)[] = [];
	for (const p of projects) {
		if (p.eligibility === 'ineligible') {
			decisions.push({
				projectId: p.id,
				kind: 'eligibility',
				outcome: 'ineligible',
				reason: p.eligibilityReason,
				createdAt: at('2024-05-10')
			});
			continue;
		}
		decisions.push({ projectId: p.id, kind: 'eligibility', outcome: 'eligible', createdAt: at('2024-05-08') });
		decisions.push({
			projectId: p.id,
			kind: 'evaluation',
			outcome: 'feasible',
			cost: p.cityCost,
			reason: 'Fezabil tehnic; costul a fost estimat de direcția de specialitate.',
			createdAt: at('2024-06-20')
		});
	}
	await db.insert(budgetsDecisions).values(decisions);
	const appealed = byCode.get('Z4-02')!;
	const [refused] = await db
		.insert(budgetsDecisions)
		.values({
			projectId: appealed.id,
			kind: 'eligibility',
			outcome: 'ineligible',
			reason: 'Parcul pare să fie în administrarea altei instituții decât primăria.',
			createdAt: at('2024-05-07')
		})
		.returning();
	await db.insert(budgetsDecisions).values([
		{
			projectId: appealed.id,
			kind: 'appeal',
			outcome: 'lodged',
			reason: 'Parcul Soarelui este în administrarea primăriei, conform inventarului domeniului public.',
			createdAt: at('2024-07-03')
		},
		{
			projectId: appealed.id,
			kind: 'appeal_decision',
			outcome: 'upheld',
			reason: 'Contestație admisă: terenul figurează în inventarul domeniului public al municipiului.',
			createdAt: at('2024-07-12')
		}
	]);
	await db.insert(budgetsAppeals).values({
		projectId: appealed.id,
		authorId: appealed.authorId,
		decisionId: refused.id,
		text: 'Parcul Soarelui este în administrarea primăriei, conform inventarului domeniului public.',
		status: 'upheld',
		decisionReason: 'Contestație admisă: terenul figurează în inventarul domeniului public al municipiului.',
		decidedAt: at('2024-07-12'),
		createdAt: at('2024-07-03')
	});

	// Ballots: the voter picks a zone (by population), then up to 5 of its projects (by popularity).
	const onBallot = projects.filter((p) => p.eligibility === 'eligible');
	const popularity = new Map(onBallot.map((p) => [p.id, 0.4 + random() * 2.6]));
	const desks = await db
		.insert(budgetsDesks)
		.values([
			{ moduleId, name: 'Centrul de Informare pentru Cetățeni', address: 'B-dul C.D. Loga nr. 1' },
			{ moduleId, name: 'Casa de Cultură a Municipiului', address: 'Str. Ion Ionescu de la Brad nr. 3' },
			{ moduleId, name: 'Biblioteca Județeană – filiala Iosefin', address: 'Bd. Regele Carol I nr. 1' }
		])
		.returning();
	const total = 5_400;
	const voters = await generatedVoters(db, 'td24', total + 12);
	const zoneWeights = pots.map((p) => (p.population ?? 1) * (0.7 + random() * 0.6));
	const sizes = [5, 5, 5, 5, 4, 4, 3, 3, 2, 1];
	const ballotFor = (): BallotChoice[] => {
		const pot = pick(pots, zoneWeights, 1, random)[0];
		const inPot = onBallot.filter((p) => p.zoneId === pot.id);
		const k = sizes[Math.floor(random() * sizes.length)];
		const chosen = pick(
			inPot,
			inPot.map((p) => popularity.get(p.id)!),
			k,
			random
		);
		return [{ zoneId: pot.id, projectIds: chosen.map((p) => p.id) }];
	};
	const paperSerials: { deskId: string; serial: string; choices: BallotChoice[]; invalidReason: string | null }[] = [];
	let cast = 0;
	for (let start = 0; start < voters.length; start += 600) {
		await db.transaction(async (tx) => {
			const batch: Parameters<typeof castFirstBallotsInBulk>[2] = [];
			for (let i = start; i < Math.min(voters.length, start + 600); i++) {
				const userId = voters[i];
				const desk = desks[i % desks.length];
				const serial = `TD24-${String(i + 1).padStart(5, '0')}`;
				if (i >= total) {
					// Paper ballots both entries found invalid: the person is on the roll, nothing is in the box.
					await enterOnRoll(tx, { moduleId, userId, channel: 'paper', deskId: desk.id });
					const invalidReason = i % 2 ? 'Mai mult de 5 proiecte bifate' : 'Buletin completat ilizibil';
					paperSerials.push({ deskId: desk.id, serial, choices: [], invalidReason });
					continue;
				}
				const r = random();
				const choices = ballotFor();
				const channel = r < 0.86 ? 'online' : r < 0.92 ? 'assisted' : 'paper';
				batch.push({ userId, channel, deskId: channel === 'online' ? null : desk.id, choices });
				if (channel === 'paper') paperSerials.push({ deskId: desk.id, serial, choices, invalidReason: null });
			}
			// One ballot per person still rests on the roll's primary key: the bulk insert goes through it.
			cast += (await castFirstBallotsInBulk(tx, moduleId, batch)).cast;
		});
	}
	// Every paper ballot was entered twice (by two desk clerks) and the entries agreed.
	for (let start = 0; start < paperSerials.length; start += 500) {
		await db.insert(budgetsPaperEntries).values(
			paperSerials.slice(start, start + 500).flatMap((p) =>
				[1, 2].map((entry) => ({
					moduleId,
					deskId: p.deskId,
					serial: p.serial,
					entry,
					choices: p.choices,
					invalidReason: p.invalidReason,
					status: p.invalidReason ? 'rejected' : 'accepted'
				}))
			)
		);
	}

	const results = await computeResults(system('seed'), { moduleId });
	if (!results.ok) throw new Error(`demo results: ${JSON.stringify(results.errors)}`);
	// Counted when the 2024 results phase opened (the demo is seeded today).
	await db
		.update(budgetsResults)
		.set({ computedAt: at('2024-09-30') })
		.where(eq(budgetsResults.moduleId, moduleId));

	await seedImplementation(db, moduleId);
	await linkDemoProposals(db, byCode);
	return cast;
}

/** A few funded projects in implementation, with a dated timeline. */
async function seedImplementation(db: Db, moduleId: string) {
	const actor = system('seed');
	const funded = await db
		.select()
		.from(budgetsProjects)
		.where(and(eq(budgetsProjects.moduleId, moduleId), eq(budgetsProjects.funded, true)))
		.orderBy(asc(budgetsProjects.code));
	const plan: [status: 'completed' | 'works' | 'procurement' | 'design', steps: [string, number, string, string][]][] =
		[
			[
				'completed',
				[
					['design', 10, '2024-12-05', 'Proiectul tehnic a fost comandat; echipa a măsurat terenul.'],
					['procurement', 30, '2025-03-14', 'Licitația pentru execuție a fost publicată în SEAP.'],
					['works', 70, '2025-06-02', 'Lucrările au început; accesul este restricționat pe o parte a aleii.'],
					['completed', 100, '2025-09-18', 'Lucrarea a fost recepționată și este deschisă publicului.']
				]
			],
			[
				'completed',
				[
					['procurement', 25, '2025-01-20', 'Achiziția directă a echipamentelor este în curs.'],
					['completed', 100, '2025-05-30', 'Echipamentele au fost montate și verificate.']
				]
			],
			[
				'works',
				[
					['design', 15, '2025-02-10', 'Documentația tehnică este în lucru la direcția de specialitate.'],
					['works', 55, '2025-10-01', 'Constructorul lucrează pe șantier; finalizarea este estimată în primăvară.']
				]
			],
			['procurement', [['procurement', 20, '2025-08-12', 'Caietul de sarcini a fost aprobat; urmează licitația.']]],
			['design', [['design', 5, '2025-11-03', 'Proiectarea a început după aprobarea bugetului pe 2025.']]]
		];
	for (const [i, [, steps]] of plan.entries()) {
		const p = funded[i * Math.max(1, Math.floor(funded.length / plan.length))];
		if (!p) break;
		const cost = p.cityCost ?? p.estimatedCost;
		await updateImplementation(
			actor,
			{ moduleId, projectId: p.id },
			{ status: 'not_started', progress: '0', spent: '0', departmentId: p.departmentId ?? '', reason: '' }
		);
		for (const [status, progress, when, text] of steps) {
			const spent = String(Math.round((cost * progress) / 100 / 1000) * 1000);
			const r = await addProgressEntry(
				actor,
				{ moduleId, projectId: p.id },
				{ status: status as 'design', progress: String(progress), spent, text: { ro: text } }
			);
			if (!r.ok) throw new Error(`demo progress: ${JSON.stringify(r.errors)}`);
			await db
				.update(budgetsProgress)
				.set({ createdAt: at(when) })
				.where(eq(budgetsProgress.id, r.value.id));
		}
	}
}

/** Links demo proposals to the ideas they became, so the chain shows on both pages. */
async function linkDemoProposals(db: Db, byCode: Map<string, typeof budgetsProjects.$inferSelect>) {
	try {
		const list = await proposalsForApi('timisoara-decide', new URLSearchParams({ per_page: '100' }));
		if (!list.ok) return;
		for (const [title, code] of promotedProposals) {
			const proposal = list.value.data.find((p) => p.title === title);
			const project = byCode.get(code);
			if (!proposal || !project) continue;
			await linkResources(
				db,
				{ resourceType: 'proposal', resourceId: proposal.id },
				{ resourceType: PROJECT_RESOURCE, resourceId: project.id },
				'became'
			);
			// Promoted when the 2024 idea submission opened.
			await db
				.update(resourceLinks)
				.set({ createdAt: at('2024-03-01') })
				.where(and(eq(resourceLinks.fromId, proposal.id), eq(resourceLinks.toId, project.id)));
		}
	} catch (err) {
		// The demo proposals are optional here (a seed without them still has whole editions).
		logger().info({ err }, 'budgets demo: proposals not linked');
	}
}

/** The edition open for voting today, with 4 projects per zone on the ballot; demo citizens may vote (phone). */
async function seedOpenEdition(db: Db, now: Date, random: () => number) {
	const year = Number(day(now, 0).slice(0, 4));
	const { moduleId } = await createEdition(db, {
		slug: `timisoara-decide-${year}`,
		title: {
			ro: `Timișoara Decide! ${year}`,
			en: `Timișoara Decides! ${year}`,
			hu: `Temesvár dönt! ${year}`,
			de: `Temeswar entscheidet! ${year}`,
			sr: `Temišvar odlučuje! ${year}`,
			uk: `Тімішоара вирішує! ${year}`
		},
		summary: {
			ro: 'Votul este deschis: alegeți până la 5 proiecte din zona dumneavoastră.',
			en: 'Voting is open: choose up to 5 projects in your zone.'
		},
		phases: [
			[{ ro: 'Informare', en: 'Information' }, 'information', day(now, -150), day(now, -121)],
			[{ ro: 'Depunerea ideilor', en: 'Idea submission' }, 'ideas', day(now, -120), day(now, -81)],
			[{ ro: 'Verificarea eligibilității', en: 'Eligibility check' }, 'eligibility', day(now, -80), day(now, -61)],
			[
				{ ro: 'Evaluare tehnică și financiară', en: 'Technical and financial evaluation' },
				'evaluation',
				day(now, -60),
				day(now, -41)
			],
			[{ ro: 'Contestații', en: 'Appeals' }, 'appeals', day(now, -40), day(now, -31)],
			[{ ro: 'Vot', en: 'Voting' }, 'voting', day(now, -14), day(now, 16)],
			[{ ro: 'Rezultate', en: 'Results' }, 'results', day(now, 17), day(now, 30)],
			[{ ro: 'Implementare', en: 'Implementation' }, 'implementation', day(now, 31), day(now, 400)]
		]
	});
	const demo = await demoZones(db);
	const { pots, catId, deptOf } = await potsAndCategories(db, moduleId, demo);
	const values: (typeof budgetsProjects.$inferInsert)[] = [];
	demo.zones.forEach((z, zi) => {
		openWhere[z.plan.code].forEach((address, j) => {
			const [what, cat] = openWhat[(zi + j) % openWhat.length];
			const hood = z.hoods[j % z.hoods.length];
			const [lat, lng] = placeIn(hood?.geometry, random);
			const cost = (80 + Math.floor(random() * 40) * 10) * 1000;
			const title = `${what} pe ${address}`;
			values.push({
				moduleId,
				zoneId: pots[zi].id,
				code: `${pots[zi].code}-${String(j + 1).padStart(2, '0')}`,
				title,
				body: body(title, address),
				categoryId: catId.get(cat) ?? null,
				neighbourhoodId: hood?.id ?? null,
				address,
				latitude: lat,
				longitude: lng,
				estimatedCost: cost,
				cityCost: cost,
				eligibility: 'eligible',
				evaluation: 'feasible',
				departmentId: deptOf.get(cat) ?? null
			});
		});
	});
	await db.insert(budgetsProjects).values(values);
	// Demo citizens confirmed their phone by SMS code, Timișoara's proof of identity for voting.
	const citizens = await demoCitizens(db);
	const phones = await db
		.select({ userId: verifications.userId })
		.from(verifications)
		.where(
			and(
				inArray(verifications.userId, citizens.map((c) => c.id).concat('')),
				eq(verifications.kind, 'phone'),
				isNull(verifications.revokedAt)
			)
		);
	for (const [i, c] of citizens.entries())
		if (!phones.some((p) => p.userId === c.id))
			await grantVerification(db, {
				userId: c.id,
				kind: 'phone',
				method: 'sms',
				detail: `+4072200${String(i + 1).padStart(4, '0')}`
			});
	return moduleId;
}

/** Seeds both demo editions; returns their slugs and the number of ballots in the closed one. */
export async function seedDemoBudgets(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<DemoBudgetsSummary> {
	const random = prng(2024);
	const ballots = await seedClosedEdition(db, now, random);
	await seedOpenEdition(db, now, random);
	return { slugs: ['timisoara-decide-2024', `timisoara-decide-${day(now, 0).slice(0, 4)}`], ballots };
}
