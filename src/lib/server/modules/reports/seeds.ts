/**
 * Demo content of the reports module: a published "Sesizări" space with the city's reports module, a Timișoara
 * category tree routed to the reference departments, and ~300 reports over the real neighbourhoods from the last six
 * months — new, confirmed, in progress, fixed, closed, not the city's, cannot fix, duplicates — with Romanian
 * timelines, some overdue, some anonymous notices. Deterministic (seeded random numbers); run once on a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { asc, like } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/index.ts';
import { departments, neighbourhoods, user } from '../../platform/db/schema.ts';
import { clearSharedData } from '../../platform/http/shared-data.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { reports, REPORT_RESOURCE } from './manifest.ts';
import { reportDocuments } from './search.ts';
import { indexDocument } from '../../platform/search/index-documents.ts';
import { closedStates, reportDeadlines } from './rules.ts';
import {
	reportsCategories,
	reportsReports,
	reportsSupports,
	reportsUpdates,
	type ReportQuestion,
	type ReportState
} from './schema.ts';

const t = (ro: string, en: string, hu: string, de: string, sr: string, uk: string): Translated => ({
	ro,
	en,
	hu,
	de,
	sr,
	uk
});

const yesNo = (code: string, label: Translated): ReportQuestion => ({
	code,
	datatype: 'singlevaluelist',
	required: true,
	label,
	values: [
		{ key: 'yes', name: t('Da', 'Yes', 'Igen', 'Ja', 'Da', 'Так') },
		{ key: 'no', name: t('Nu', 'No', 'Nem', 'Nein', 'Ne', 'Ні') }
	]
});

const dangerous = yesNo(
	'dangerous',
	t(
		'Este periculos pentru trecători sau mașini?',
		'Is it dangerous for people or cars?',
		'Veszélyes a gyalogosokra vagy az autókra?',
		'Ist es gefährlich für Menschen oder Autos?',
		'Da li je opasno za pešake ili automobile?',
		'Чи це небезпечно для людей або автомобілів?'
	)
);

interface LeafSpec {
	code: string;
	name: Translated;
	department: string;
	questions?: ReportQuestion[];
	keywords?: string;
	/** Romanian descriptions citizens write; one is picked per report. */
	texts: string[];
}

interface GroupSpec {
	code: string;
	name: Translated;
	leaves: LeafSpec[];
}

const tree: GroupSpec[] = [
	{
		code: 'drumuri',
		name: t(
			'Drumuri și trotuare',
			'Roads and pavements',
			'Utak és járdák',
			'Straßen und Gehwege',
			'Putevi i trotoari',
			'Дороги й тротуари'
		),
		leaves: [
			{
				code: 'groapa',
				name: t('Groapă în carosabil', 'Pothole', 'Kátyú', 'Schlagloch', 'Rupa na kolovozu', 'Вибоїна'),
				department: 'directia-edilitara',
				keywords: 'groapa,asfalt,carosabil',
				questions: [
					dangerous,
					{
						code: 'depth_cm',
						datatype: 'number',
						required: false,
						label: t(
							'Cât de adâncă este (cm)?',
							'How deep is it (cm)?',
							'Milyen mély (cm)?',
							'Wie tief ist es (cm)?',
							'Koliko je duboka (cm)?',
							'Яка глибина (см)?'
						)
					}
				],
				texts: [
					'Groapă mare pe banda dinspre centru, mașinile o ocolesc brusc.',
					'După ploile de săptămâna trecută s-a format o groapă adâncă lângă capacul de canal.',
					'Asfaltul s-a rupt pe o porțiune de vreo doi metri, se adună apă.',
					'Groapă chiar pe trecerea de pietoni, periculoasă pentru bicicliști.'
				]
			},
			{
				code: 'trotuar',
				name: t(
					'Trotuar deteriorat',
					'Damaged pavement',
					'Sérült járda',
					'Beschädigter Gehweg',
					'Oštećen trotoar',
					'Пошкоджений тротуар'
				),
				department: 'directia-edilitara',
				questions: [dangerous],
				texts: [
					'Dale de pavaj desprinse în fața blocului, oamenii în vârstă se împiedică.',
					'Trotuarul este surpat lângă stația de autobuz.',
					'Bordura este spartă și rădăcinile copacului au ridicat asfaltul.'
				]
			},
			{
				code: 'semnalizare',
				name: t(
					'Indicator sau marcaj rutier',
					'Road sign or marking',
					'Közlekedési tábla vagy útburkolati jel',
					'Verkehrszeichen oder Markierung',
					'Saobraćajni znak ili oznaka',
					'Дорожній знак або розмітка'
				),
				department: 'directia-mobilitate',
				texts: [
					'Indicatorul de cedează trecerea a fost îndoit și nu se mai vede.',
					'Marcajul trecerii de pietoni s-a șters aproape complet.',
					'Indicator de sens unic întors de vânt.'
				]
			},
			{
				code: 'semafor',
				name: t(
					'Semafor defect',
					'Traffic light fault',
					'Hibás közlekedési lámpa',
					'Defekte Ampel',
					'Neispravan semafor',
					'Несправний світлофор'
				),
				department: 'directia-mobilitate',
				questions: [dangerous],
				texts: [
					'Semaforul pentru pietoni rămâne pe roșu, butonul nu funcționează.',
					'Semaforul clipește galben de ieri seară.',
					'Becul verde al semaforului este ars.'
				]
			}
		]
	},
	{
		code: 'iluminat',
		name: t(
			'Iluminat public',
			'Street lighting',
			'Közvilágítás',
			'Straßenbeleuchtung',
			'Javna rasveta',
			'Вуличне освітлення'
		),
		leaves: [
			{
				code: 'stalp-iluminat',
				name: t(
					'Stâlp de iluminat nefuncțional',
					'Street light out',
					'Nem működő lámpaoszlop',
					'Straßenlaterne defekt',
					'Neispravna ulična svetiljka',
					'Не працює ліхтар'
				),
				department: 'directia-edilitara',
				texts: [
					'Trei stâlpi la rând nu se aprind, strada e complet întunecată seara.',
					'Lampa pâlpâie toată noaptea.',
					'Stâlpul de lângă parc nu mai funcționează de o săptămână.'
				]
			}
		]
	},
	{
		code: 'curatenie',
		name: t(
			'Curățenie și mediu',
			'Cleanliness and environment',
			'Tisztaság és környezet',
			'Sauberkeit und Umwelt',
			'Čistoća i životna sredina',
			'Чистота й довкілля'
		),
		leaves: [
			{
				code: 'gunoi',
				name: t(
					'Gunoi abandonat',
					'Dumped rubbish',
					'Illegális szemét',
					'Illegal abgeladener Müll',
					'Bačeno smeće',
					'Викинуте сміття'
				),
				department: 'directia-mediu',
				keywords: 'gunoi,deseuri,moloz',
				texts: [
					'Cineva a aruncat saci cu moloz lângă containerele de gunoi.',
					'Mobilă veche abandonată pe spațiul verde.',
					'Containerele sunt pline și gunoiul se adună pe jos de câteva zile.'
				]
			},
			{
				code: 'spatiu-verde',
				name: t(
					'Spațiu verde sau copac',
					'Green space or tree',
					'Zöldterület vagy fa',
					'Grünfläche oder Baum',
					'Zelena površina ili drvo',
					'Зелена зона або дерево'
				),
				department: 'directia-mediu',
				questions: [dangerous],
				texts: [
					'O creangă mare s-a rupt și atârnă deasupra trotuarului.',
					'Iarba nu a mai fost cosită de mult, a crescut până la genunchi.',
					'Copac uscat care poate cădea peste mașinile parcate.'
				]
			}
		]
	},
	{
		code: 'masina-abandonata',
		name: t(
			'Mașină abandonată',
			'Abandoned car',
			'Elhagyott autó',
			'Verlassenes Auto',
			'Napušten automobil',
			'Покинутий автомобіль'
		),
		leaves: []
		// A top-level leaf: see below.
	},
	{
		code: 'graffiti',
		name: t(
			'Graffiti sau afișaj ilegal',
			'Graffiti or fly-posting',
			'Graffiti vagy illegális plakát',
			'Graffiti oder wilde Plakate',
			'Grafiti ili nelegalni plakati',
			'Графіті або незаконні оголошення'
		),
		leaves: []
	}
];

const topLeaves: Record<string, Omit<LeafSpec, 'code' | 'name'>> = {
	'masina-abandonata': {
		department: 'directia-mobilitate',
		texts: [
			'Autoturism fără plăcuțe de înmatriculare, parcat de luni de zile.',
			'Mașină cu roțile dezumflate și geamuri sparte, ocupă un loc de parcare de rezidență.'
		]
	},
	graffiti: {
		department: 'directia-urbanism',
		texts: [
			'Fațada clădirii de patrimoniu a fost mâzgălită cu spray.',
			'Afișe lipite pe stâlpi și pe stația de tramvai.'
		]
	}
};

const streets = [
	'Bulevardul Revoluției din 1989',
	'Strada Alba Iulia',
	'Calea Aradului',
	'Calea Șagului',
	'Calea Martirilor 1989',
	'Bulevardul Take Ionescu',
	'Bulevardul Cetății',
	'Strada Gheorghe Lazăr',
	'Calea Torontalului',
	'Bulevardul Liviu Rebreanu',
	'Calea Buziașului',
	'Strada Dorobanților',
	'Bulevardul Iosif Bulbuca',
	'Strada Mureș',
	'Calea Lipovei',
	'Calea Girocului',
	'Strada Circumvalațiunii',
	'Bulevardul Eroilor de la Tisa',
	'Strada Văcărescu',
	'Splaiul Tudor Vladimirescu',
	'Strada Paris',
	'Strada Aurel Păunescu Podeanu',
	'Strada Ștefan cel Mare',
	'Strada Vasile Alecsandri',
	'Bulevardul Mihai Viteazu',
	'Strada Ion Ionescu de la Brad',
	'Strada Dacilor',
	'Strada Polonă'
];

/** A small deterministic generator (mulberry32), so every demo database is the same. */
function prng(seed: number) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let r = Math.imul(a ^ (a >>> 15), 1 | a);
		r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
		return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
	};
}

function placeIn(geometry: unknown, random: () => number): { lat: number; lng: number } | null {
	const g = geometry as { type?: string; coordinates?: unknown } | null;
	const ring =
		(g?.type === 'Polygon'
			? (g.coordinates as number[][][])[0]
			: g?.type === 'MultiPolygon'
				? (g.coordinates as number[][][][])[0][0]
				: null) ?? [];
	if (!ring.length) return null;
	const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
	const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
	return { lat: lat + (random() - 0.5) * 0.005, lng: lng + (random() - 0.5) * 0.007 };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const answers: Record<ReportState, string> = {
	new: '',
	confirmed: 'Am înregistrat sesizarea și am transmis-o echipei de intervenție.',
	in_progress: 'Echipa de intervenție a fost programată; lucrarea începe în zilele următoare.',
	fixed: 'Problema a fost rezolvată. Vă mulțumim pentru sesizare!',
	closed: 'Sesizarea a fost închisă după verificarea pe teren.',
	duplicate: 'Aceeași problemă a fost deja semnalată; urmăriți sesizarea inițială.',
	not_responsible: 'Locul aparține altui administrator; am transmis sesizarea către acesta.',
	cannot_fix: 'Lucrarea necesită o investiție care nu este în bugetul acestui an; am inclus-o în planul de reparații.'
};

/** Picks a state for a report of this age: older reports are mostly resolved, recent ones mostly open. */
function stateFor(ageDays: number, r: number): ReportState {
	if (ageDays < 3) return r < 0.7 ? 'new' : 'confirmed';
	if (ageDays < 20) return r < 0.2 ? 'new' : r < 0.5 ? 'confirmed' : r < 0.75 ? 'in_progress' : 'fixed';
	if (r < 0.06) return 'new'; // overdue, never answered
	if (r < 0.14) return 'in_progress';
	if (r < 0.7) return 'fixed';
	if (r < 0.8) return 'closed';
	if (r < 0.87) return 'duplicate';
	if (r < 0.93) return 'not_responsible';
	return 'cannot_fix';
}

/** The id of the n-th demo report (1-based), e.g. for stories that open a known report. */
export const demoReportId = (n: number) => `de5e0000-0000-4000-a000-${String(n).padStart(12, '0')}`;

export interface DemoReportsSummary {
	slug: string;
	moduleId: string;
	reports: number;
}

export async function seedDemoReports(
	db: Db,
	{ now = new Date(), count = 300 }: { now?: Date; count?: number } = {}
): Promise<DemoReportsSummary> {
	const random = prng(27_2002);
	const actor = system('seed');
	const created = await createProcess(actor, {
		slug: 'sesizari',
		title: t(
			'Sesizări',
			'Problem reports',
			'Bejelentések',
			'Mängelmeldungen',
			'Prijave problema',
			'Звернення про проблеми'
		),
		summary: t(
			'Semnalați gropi, gunoi, iluminat defect și alte probleme din oraș; primăria răspunde în termenul legal.',
			'Report potholes, rubbish, broken lights and other problems in the city; City Hall answers within the legal term.',
			'Jelezze a kátyúkat, a szemetet, a hibás világítást és más városi problémákat; a városháza a törvényes határidőn belül válaszol.',
			'Melden Sie Schlaglöcher, Müll, defekte Beleuchtung und andere Probleme; das Rathaus antwortet innerhalb der gesetzlichen Frist.',
			'Prijavite rupe, smeće, neispravnu rasvetu i druge probleme u gradu; gradska uprava odgovara u zakonskom roku.',
			'Повідомляйте про вибоїни, сміття, несправне освітлення та інші проблеми; мерія відповідає в законний строк.'
		),
		description: {
			ro: 'Orice locuitor poate trimite o sesizare (OG 27/2002). Primește un număr de înregistrare și un răspuns în 30 de zile.',
			en: 'Anyone can report a problem (Government Ordinance 27/2002). They get a registration number and an answer within 30 days.'
		},
		organiser: { ro: 'Primăria Municipiului Timișoara', en: 'Timișoara City Hall' },
		decides: {
			ro: 'Direcțiile primăriei rezolvă sesizările din domeniul lor.',
			en: 'City Hall departments handle the reports in their field.'
		},
		expectedResult: {
			ro: 'Probleme rezolvate și un răspuns pentru fiecare sesizare.',
			en: 'Problems fixed and an answer to every report.'
		}
	});
	if (!created.ok) throw new Error(`demo reports: ${JSON.stringify(created.errors)}`);
	const spaceId = created.value.id;
	const phase = await addPhase(actor, spaceId, {
		title: { ro: 'Permanent', en: 'All year round' },
		description: { ro: '' },
		startsOn: todayInBucharest(now.getTime() - 400 * DAY),
		endsOn: todayInBucharest(now.getTime() + 3650 * DAY)
	});
	if (!phase.ok) throw new Error(`demo reports phase: ${JSON.stringify(phase.errors)}`);
	const title = t('Sesizări', 'Problem reports', 'Bejelentések', 'Mängelmeldungen', 'Prijave problema', 'Звернення');
	const mounted = await mountModule(actor, { spaceId, manifest: reports }, { title });
	if (!mounted.ok) throw new Error(`demo reports module: ${JSON.stringify(mounted.errors)}`);
	const moduleId = mounted.value.id;
	const configured = await configureModule(
		actor,
		{ spaceId, moduleId, manifest: reports },
		{
			title,
			published: true,
			settings: {},
			phaseSettings: { [phase.value.id]: { reportingOpen: true } },
			requiredVerifications: {}
		}
	);
	if (!configured.ok) throw new Error(`demo reports settings: ${JSON.stringify(configured.errors)}`);
	await publishProcessAndModules(actor, spaceId);

	// The category tree, routed to the reference departments.
	const deptRows = await db.select({ id: departments.id, slug: departments.slug }).from(departments);
	const dept = (slug: string) => {
		const found = deptRows.find((d) => d.slug === slug);
		if (!found) throw new Error(`demo reports: department ${slug} missing (seed reference data first)`);
		return found.id;
	};
	const leaves: (LeafSpec & { id: string; departmentId: string })[] = [];
	for (const [position, group] of tree.entries()) {
		const top = topLeaves[group.code];
		const [row] = await db
			.insert(reportsCategories)
			.values({
				moduleId,
				code: group.code,
				name: group.name,
				position,
				departmentId: top ? dept(top.department) : null,
				keywords: top?.keywords ?? ''
			})
			.returning({ id: reportsCategories.id });
		if (top)
			leaves.push({ ...top, code: group.code, name: group.name, id: row.id, departmentId: dept(top.department) });
		for (const [i, leaf] of group.leaves.entries()) {
			const [l] = await db
				.insert(reportsCategories)
				.values({
					moduleId,
					parentId: row.id,
					code: leaf.code,
					name: leaf.name,
					position: i,
					departmentId: dept(leaf.department),
					questions: leaf.questions ?? [],
					keywords: leaf.keywords ?? ''
				})
				.returning({ id: reportsCategories.id });
			leaves.push({ ...leaf, id: l.id, departmentId: dept(leaf.department) });
		}
	}

	const hoods = await db
		.select({ id: neighbourhoods.id, geometry: neighbourhoods.geometry })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
	const citizens = (
		await db.select({ id: user.id }).from(user).where(like(user.email, '%@demo.vocea.local')).orderBy(asc(user.email))
	).map((u) => u.id);
	// Busier neighbourhoods (the first ones get more reports), so the dashboard has something to compare.
	const weights = hoods.map((_, i) => 1 + ((i * 7) % 5));
	const totalWeight = weights.reduce((a, b) => a + b, 0);
	const pickHood = () => {
		let x = random() * totalWeight;
		for (const [i, w] of weights.entries()) if ((x -= w) <= 0) return hoods[i];
		return hoods[hoods.length - 1];
	};

	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
	const updates: (typeof reportsUpdates.$inferInsert)[] = [];
	const supports: (typeof reportsSupports.$inferInsert)[] = [];
	const rows: (typeof reportsReports.$inferInsert)[] = [];
	for (let i = 0; i < count; i++) {
		const leaf = pick(leaves);
		const hood = pickHood();
		const point = hood ? placeIn(hood.geometry, random) : null;
		const ageDays = Math.floor(random() ** 1.4 * 180);
		const createdAt = new Date(now.getTime() - ageDays * DAY - Math.floor(random() * 10) * HOUR - HOUR);
		const state = stateFor(ageDays, random());
		const who = random();
		const authorId = citizens.length && who < 0.6 ? pick(citizens) : null;
		const contact = !authorId && who < 0.85;
		const anonymousNotice = !authorId && !contact;
		const answerAfter = (1 + random() * (state === 'new' ? 0 : 12)) * DAY;
		const fixAfter = answerAfter + (1 + random() * 25) * DAY;
		const answered =
			state !== 'new' ? new Date(Math.min(createdAt.getTime() + answerAfter, now.getTime() - HOUR)) : null;
		const fixed =
			state === 'fixed' || state === 'closed'
				? new Date(Math.min(createdAt.getTime() + fixAfter, now.getTime() - HOUR / 2))
				: null;
		const closedAt = closedStates.includes(state) ? (fixed ?? answered) : null;
		const answerKeys = leaf.questions?.length
			? Object.fromEntries(
					leaf.questions
						.filter((q) => q.datatype === 'singlevaluelist')
						.map((q) => [q.code, random() < 0.4 ? 'yes' : 'no'])
				)
			: {};
		// Deterministic ids in UUID form (report pages accept only those): the n-th demo report ends in n.
		const id = demoReportId(i + 1);
		const street = pick(streets);
		rows.push({
			id,
			moduleId,
			categoryId: leaf.id,
			departmentId: leaf.departmentId,
			state,
			title: `${leaf.name.ro} — ${street}`,
			description: pick(leaf.texts),
			lat: point?.lat ?? null,
			lng: point?.lng ?? null,
			location: point ? { x: point.lng, y: point.lat } : null,
			address: `${street} ${1 + Math.floor(random() * 120)}`,
			neighbourhoodId: hood?.id ?? null,
			answers: answerKeys,
			authorId,
			contactName: contact ? 'Locuitor (demo)' : null,
			contactEmail: contact ? `sesizari+${i + 1}@demo.vocea.local` : null,
			showName: authorId !== null && random() < 0.4,
			anonymousNotice,
			channel: random() < 0.85 ? 'web' : random() < 0.5 ? 'open311' : 'staff',
			token: randomBytes(18).toString('base64url'),
			dueOn: anonymousNotice ? null : reportDeadlines(createdAt).answer.due,
			responsibleBody: state === 'not_responsible' ? 'Compania Regională de Apă Aquatim' : null,
			stateReason:
				state === 'cannot_fix' ? answers.cannot_fix : state === 'not_responsible' ? answers.not_responsible : null,
			supportersCount: 0,
			firstAnsweredAt: answered,
			fixedAt: state === 'fixed' || state === 'closed' ? fixed : null,
			closedAt,
			createdAt,
			updatedAt: closedAt ?? answered ?? createdAt
		});
		updates.push({
			reportId: id,
			kind: 'system',
			toState: 'new',
			text: 'reports_update_registered',
			data: {},
			createdAt
		});
		if (answered) {
			const firstState: ReportState =
				state === 'in_progress' || state === 'fixed' || state === 'closed' ? 'confirmed' : state;
			updates.push({
				reportId: id,
				kind: 'public',
				fromState: 'new',
				toState: firstState,
				text: answers[firstState],
				createdAt: answered
			});
			if (state === 'in_progress' || state === 'fixed' || state === 'closed')
				updates.push({
					reportId: id,
					kind: 'public',
					fromState: 'confirmed',
					toState: 'in_progress',
					text: answers.in_progress,
					createdAt: new Date(answered.getTime() + DAY)
				});
			if (fixed)
				updates.push({
					reportId: id,
					kind: 'public',
					fromState: 'in_progress',
					toState: 'fixed',
					text: answers.fixed,
					createdAt: fixed
				});
			if (state === 'closed' && fixed)
				updates.push({
					reportId: id,
					kind: 'public',
					fromState: 'fixed',
					toState: 'closed',
					text: answers.closed,
					createdAt: new Date(fixed.getTime() + HOUR)
				});
			if (random() < 0.15)
				updates.push({
					reportId: id,
					kind: 'internal',
					text: 'Verificat pe teren de echipa de intervenție.',
					createdAt: new Date(answered.getTime() + HOUR)
				});
		}
		// "Me too" from other demo citizens on open reports.
		if (state !== 'duplicate' && citizens.length)
			for (const c of citizens)
				if (c !== authorId && random() < 0.12) supports.push({ reportId: id, userId: c, createdAt });
	}
	// A duplicate points at an earlier report of the city.
	for (const row of rows)
		if (row.state === 'duplicate') {
			const original = rows.find((o) => o.categoryId === row.categoryId && o.state !== 'duplicate' && o.id !== row.id);
			row.duplicateOfId = original?.id ?? null;
		}
	const supportCount = new Map<string, number>();
	for (const s of supports) supportCount.set(s.reportId, (supportCount.get(s.reportId) ?? 0) + 1);
	for (const row of rows) row.supportersCount = supportCount.get(row.id!) ?? 0;

	for (let i = 0; i < rows.length; i += 100) await db.insert(reportsReports).values(rows.slice(i, i + 100));
	for (let i = 0; i < updates.length; i += 200) await db.insert(reportsUpdates).values(updates.slice(i, i + 200));
	for (let i = 0; i < supports.length; i += 200)
		await db
			.insert(reportsSupports)
			.values(supports.slice(i, i + 200))
			.onConflictDoNothing();
	const docs = await reportDocuments(db, [moduleId]);
	await indexDocument(
		db,
		docs.map((d) => ({ ...d, resourceType: REPORT_RESOURCE }))
	);
	clearSharedData();
	return { slug: created.value.slug, moduleId, reports: rows.length };
}
