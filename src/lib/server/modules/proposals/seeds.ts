/** Demo proposals for Timișoara: categories, a custom state, ~25 proposals across neighbourhoods, supports, answers. */
import { asc, eq, like, sql } from 'drizzle-orm';
import { seedComments, type SeedComment } from '../../platform/comments/index.ts';
import { system } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { follows, neighbourhoods, phases, user } from '../../platform/db/schema.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { proposals } from './manifest.ts';
import {
	proposalsCategories,
	proposalsEvents,
	proposalsProposals,
	proposalsStates,
	proposalsSupports
} from './schema.ts';

const categories = [
	{ ro: 'Mobilitate', en: 'Mobility', hu: 'Közlekedés', de: 'Mobilität' },
	{ ro: 'Spații verzi', en: 'Green spaces', hu: 'Zöldterületek', de: 'Grünflächen' },
	{ ro: 'Educație și tineret', en: 'Education and youth', hu: 'Oktatás és ifjúság', de: 'Bildung und Jugend' },
	{ ro: 'Cultură', en: 'Culture', hu: 'Kultúra', de: 'Kultur' },
	{
		ro: 'Siguranță și iluminat',
		en: 'Safety and lighting',
		hu: 'Biztonság és világítás',
		de: 'Sicherheit und Beleuchtung'
	}
];

/** [title, body, category index, neighbourhood slug hint, address, lat, lng] */
const items: [string, string, number, string, string, number, number][] = [
	[
		'Pistă de biciclete pe Calea Șagului',
		'Calea Șagului este folosită zilnic de sute de bicicliști care merg spre zona industrială. Propun o pistă separată fizic de carosabil, pe ambele sensuri, între Piața Badea Cârțan și Calea Martirilor.',
		0,
		'sagului',
		'Calea Șagului',
		45.7386,
		21.2167
	],
	[
		'Parc de buzunar în curtea fostei centrale termice',
		'Terenul părăsit dintre blocuri poate deveni un mic parc cu bănci, copaci și un loc de joacă pentru cei mici. Vecinii s-au oferit să ajute la plantare.',
		1,
		'circumvalatiunii',
		'Str. Arieș',
		45.7602,
		21.2081
	],
	[
		'Iluminat pe aleea dintre blocurile din Dâmbovița',
		'Aleea pietonală este complet întunecată seara. Mulți locuitori, mai ales vârstnici, o evită. Câțiva stâlpi cu LED ar rezolva problema.',
		4,
		'dambovita',
		'Aleea Dâmboviței',
		45.7421,
		21.2045
	],
	[
		'Bibliotecă de cartier în Fratelia',
		'Fratelia nu are nicio bibliotecă publică. Un spațiu mic, deschis după-amiaza, cu cărți pentru copii și acces la internet, ar ajuta elevii din cartier.',
		2,
		'fratelia',
		'Str. Ion Ionescu de la Brad',
		45.7297,
		21.2101
	],
	[
		'Stație de autobuz acoperită la Piața Consiliul Europei',
		'Călătorii așteaptă în ploaie și soare. Propunem o copertină, o bancă și un panou cu timpii de sosire.',
		0,
		'circumvalatiunii',
		'Piața Consiliul Europei',
		45.7627,
		21.2162
	],
	[
		'Curățarea și amenajarea malului Begăi la Podul Mihai Viteazul',
		'Malul este plin de deșeuri și vegetație necontrolată. O alee, coșuri de gunoi și câteva bănci ar face din el un loc de plimbare.',
		1,
		'cetate',
		'Splaiul Tudor Vladimirescu',
		45.7512,
		21.2298
	],
	[
		'Loc de joacă accesibil pentru copiii cu dizabilități',
		'Niciun loc de joacă din Girocului nu are echipamente accesibile. Propun un leagăn pentru scaun rulant și suprafață din cauciuc.',
		2,
		'girocului',
		'Parcul din Calea Girocului',
		45.7335,
		21.2395
	],
	[
		'Festival de film în aer liber în Piața Unirii',
		'Seri de vară cu filme românești și europene, gratuit, proiectate pe un ecran mare în Piața Unirii.',
		3,
		'cetate',
		'Piața Unirii',
		45.758,
		21.229
	],
	[
		'Treceri de pietoni iluminate lângă școli',
		'Trecerile de lângă școlile din Circumvalațiunii sunt periculoase dimineața, pe întuneric. Iluminatul dedicat și semnalizarea luminoasă ar proteja copiii.',
		4,
		'circumvalatiunii',
		'Str. Aristide Demetriade',
		45.764,
		21.205
	],
	[
		'Rasteluri de biciclete la gara de Nord',
		'Nu există unde să lași bicicleta în siguranță la gară. Propun rasteluri acoperite și supravegheate video.',
		0,
		'iosefin',
		'Gara Timișoara Nord',
		45.7502,
		21.2073
	],
	[
		'Grădină comunitară în Soarelui',
		'Locuitorii din Soarelui vor să cultive legume și flori împreună pe un teren municipal nefolosit.',
		1,
		'soarelui',
		'Calea Martirilor',
		45.7288,
		21.2395
	],
	[
		'Cursuri gratuite de programare pentru liceeni',
		'Ateliere săptămânale în centrele comunitare, ținute de voluntari din firmele IT din oraș.',
		2,
		'elisabetin',
		'Centrul Comunitar Elisabetin',
		45.7478,
		21.2289
	],
	[
		'Restaurarea fântânii din Piața Traian',
		'Fântâna din Piața Traian nu mai funcționează de ani de zile. Restaurarea ei ar reda viață pieței din Fabric.',
		3,
		'fabric',
		'Piața Traian',
		45.7594,
		21.2461
	],
	[
		'Bandă dedicată pentru autobuze pe Bulevardul Take Ionescu',
		'Autobuzele stau în trafic la orele de vârf. O bandă dedicată ar scurta drumul spre centru cu câteva minute.',
		0,
		'fabric',
		'Bd. Take Ionescu',
		45.7566,
		21.238
	],
	[
		'Plantarea de arbori pe Calea Aradului',
		'Calea Aradului are prea puțini copaci. Vara, trotuarele devin insuportabil de calde. Propun un aliniament de tei.',
		1,
		'aradului',
		'Calea Aradului',
		45.775,
		21.225
	],
	[
		'Camere video în parcarea de la Iulius Town',
		'Au fost mai multe furturi din mașini. Camerele și un iluminat mai bun ar descuraja hoții.',
		4,
		'aradului',
		'Str. Demetriade',
		45.7662,
		21.2275
	],
	[
		'Concerte de muzică clasică în parcuri duminica',
		'Filarmonica Banatul ar putea susține concerte scurte în parcurile din cartiere, nu doar în centru.',
		3,
		'elisabetin',
		'Parcul Rozelor',
		45.749,
		21.234
	],
	[
		'Trotuare reparate pe strada Gheorghe Lazăr',
		'Trotuarul este rupt pe porțiuni lungi; cărucioarele și scaunele rulante nu pot trece.',
		0,
		'iosefin',
		'Str. Gheorghe Lazăr',
		45.7513,
		21.212
	],
	[
		'Teren de sport renovat în Ronaț',
		'Terenul de sport al cartierului are gardul rupt și suprafața crăpată. Copiii joacă fotbal pe stradă.',
		2,
		'ronat',
		'Str. Mureș',
		45.7712,
		21.189
	],
	[
		'Toalete publice în Parcul Central',
		'Parcul Central este foarte folosit de familii, dar nu are toalete publice curate și accesibile.',
		1,
		'cetate',
		'Parcul Central',
		45.7521,
		21.2215
	],
	[
		'Semafor la intersecția Str. Ion Slavici cu Str. Gheorghe Doja',
		'Intersecția este periculoasă pentru pietoni; au avut loc mai multe accidente în ultimii ani.',
		4,
		'iosefin',
		'Str. Ion Slavici',
		45.7471,
		21.215
	],
	[
		'Muzeu al tramvaiului în vechiul depou',
		'Timișoara a avut primele tramvaie electrice din țară. Un muzeu în vechiul depou ar păstra această istorie.',
		3,
		'fabric',
		'Depoul de tramvaie',
		45.7602,
		21.2512
	],
	[
		'Piste de alergare iluminate în Pădurea Verde',
		'Alergătorii folosesc pădurea și seara. O pistă marcată și iluminată discret ar fi mai sigură.',
		1,
		'padurea-verde',
		'Pădurea Verde',
		45.778,
		21.264
	],
	[
		'Consiliu al elevilor la nivelul orașului',
		'Elevii din toate liceele să se întâlnească lunar cu primăria și să propună proiecte pentru tineri.',
		2,
		'cetate',
		'Primăria Timișoara',
		45.7537,
		21.2257
	],
	[
		'Zone de 30 km/h în jurul școlilor din Freidorf',
		'Mașinile circulă cu viteză mare pe străzile din jurul școlilor. Limitarea vitezei și denivelări ar proteja copiii.',
		0,
		'freidorf',
		'Str. Cloșca',
		45.7391,
		21.191
	]
];

async function neighbourhoodIds(db: Db) {
	const rows = await db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
	return (hint: string, i: number) =>
		rows.find((r) => r.slug.includes(hint))?.id ?? (rows.length ? rows[i % rows.length].id : null);
}

export async function seedProposals(
	db: Db,
	{ spaceId, moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] }
) {
	const cats = await db
		.insert(proposalsCategories)
		.values(categories.map((name, position) => ({ moduleId, name, position })))
		.returning({ id: proposalsCategories.id });
	const [inStudy] = await db
		.insert(proposalsStates)
		.values({
			moduleId,
			name: { ro: 'În studiu de fezabilitate', en: 'In feasibility study', hu: 'Megvalósíthatósági vizsgálat alatt' },
			colour: '#1d70b8'
		})
		.returning({ id: proposalsStates.id });
	const hood = await neighbourhoodIds(db);
	const day = 86_400_000;
	const now = Date.now();
	for (const [i, [title, body, cat, hint, address, lat, lng]] of items.entries()) {
		const authorId = userIds.length ? userIds[i % userIds.length] : null;
		const createdAt = new Date(now - (40 - i) * day);
		const answered =
			i % 6 === 1 ? 'accepted' : i % 6 === 4 ? 'rejected' : i % 8 === 3 ? 'evaluating' : i === 12 ? 'custom' : null;
		const [p] = await db
			.insert(proposalsProposals)
			.values({
				moduleId,
				authorId,
				title,
				body,
				categoryId: cats[cat].id,
				neighbourhoodId: hood(hint, i),
				address,
				latitude: lat,
				longitude: lng,
				createdAt,
				state: answered ?? 'published',
				customStateId: answered === 'custom' ? inStudy.id : null,
				answer: answered
					? {
							ro:
								answered === 'accepted'
									? 'Propunerea a fost analizată de direcția de specialitate și va fi inclusă în planul de investiții pentru anul viitor.'
									: answered === 'rejected'
										? 'Terenul nu aparține municipiului, așa că propunerea nu poate fi realizată în această formă. Vă mulțumim!'
										: 'Propunerea este analizată de direcția de specialitate. Revenim cu un răspuns.'
						}
					: null,
				answeredAt: answered ? new Date(createdAt.getTime() + 10 * day) : null,
				costEstimate: answered === 'accepted' ? 50_000 + i * 12_500 : null
			})
			.returning({ id: proposalsProposals.id });
		await db.insert(proposalsEvents).values({ proposalId: p.id, kind: 'created', createdAt });
		if (answered)
			await db.insert(proposalsEvents).values({
				proposalId: p.id,
				kind: 'answered',
				data: { state: answered, customStateId: answered === 'custom' ? inStudy.id : null },
				createdAt: new Date(createdAt.getTime() + 10 * day)
			});
		if (authorId)
			await db
				.insert(follows)
				.values({ userId: authorId, resourceType: 'proposal', resourceId: p.id })
				.onConflictDoNothing();
		// A varied number of supporters per proposal (the first proposals the most).
		const supporters = userIds.filter((_, j) => (i + j) % 3 !== 0).slice(0, Math.max(0, userIds.length - (i % 4)));
		if (supporters.length)
			await db.insert(proposalsSupports).values(supporters.map((userId) => ({ proposalId: p.id, userId, moduleId })));
		await db
			.update(proposalsProposals)
			.set({ supportsCount: sql`(select count(*) from proposals_supports where proposal_id = ${p.id})::int` })
			.where(eq(proposalsProposals.id, p.id));
		// The first proposals carry a discussion (for, against, replies), so the demo shows threads.
		const thread = demoDiscussions[i];
		if (thread && userIds.length >= 3)
			await seedComments(
				db,
				{ resourceType: 'proposal', resourceId: p.id, spaceId, moduleId },
				thread(userIds, new Date(createdAt.getTime() + day))
			);
	}
}

/** Demo threads by the demo citizens (u[0], u[1]…), one per proposal in list order; dates follow the proposal's. */
const demoDiscussions: ((u: string[], from: Date) => SeedComment[])[] = [
	// Pistă de biciclete pe Calea Șagului
	(u, from) => [
		{
			authorId: u[1],
			alignment: 'for',
			upVotes: 6,
			createdAt: from,
			body: 'Susțin. Dimineața, între Piața Iosefin și zona industrială, bicicliștii merg printre camioane.',
			replies: [
				{
					authorId: u[0],
					createdAt: new Date(from.getTime() + 3_600_000),
					body: 'Exact de aceea am cerut separare fizică, nu doar marcaj pe asfalt.'
				}
			]
		},
		{
			authorId: u[2],
			alignment: 'against',
			upVotes: 2,
			createdAt: new Date(from.getTime() + 7_200_000),
			body: 'Ideea e bună, dar nu pe ambele sensuri: se pierd locurile de parcare ale magazinelor de pe Calea Șagului.',
			replies: [
				{
					authorId: u[1],
					alignment: 'neutral',
					createdAt: new Date(from.getTime() + 10_800_000),
					body: 'Se pot muta pe străzile laterale; oricum mulți parchează pe trotuar acum.'
				}
			]
		}
	],
	// Parc de buzunar în curtea fostei centrale termice
	(u, from) => [
		{
			authorId: u[2],
			alignment: 'for',
			upVotes: 4,
			createdAt: from,
			body: 'Copiii din blocuri ar avea în sfârșit unde să se joace fără să traverseze strada.'
		},
		{
			authorId: u[0],
			alignment: 'neutral',
			createdAt: new Date(from.getTime() + 5_400_000),
			body: 'Cine se ocupă de întreținere după amenajare? Ar fi bine ca asociațiile de proprietari să fie consultate.'
		}
	],
	// Iluminat pe aleea dintre blocurile din Dâmbovița
	(u, from) => [
		{
			authorId: u[0],
			alignment: 'for',
			upVotes: 3,
			createdAt: from,
			body: 'Lămpile să fie orientate în jos și cu lumină caldă, ca să nu bată în ferestrele de la etajele de jos.'
		}
	]
];

/** Mounts a published proposals module with the demo proposals into a demo process (supported by the demo users). */
export async function mountDemoProposals(db: Db, spaceId: string) {
	const actor = system('seed');
	const title = {
		ro: 'Propuneri',
		en: 'Proposals',
		hu: 'Javaslatok',
		de: 'Vorschläge',
		sr: 'Predlozi',
		uk: 'Пропозиції'
	};
	const mounted = await mountModule(actor, { spaceId, manifest: proposals }, { title });
	if (!mounted.ok) throw new Error(`demo proposals: ${JSON.stringify(mounted.errors)}`);
	const phaseSettings = Object.fromEntries(
		(await db.select({ id: phases.id }).from(phases).where(eq(phases.spaceId, spaceId))).map((p) => [
			p.id,
			{ threshold: 5 }
		])
	);
	const configured = await configureModule(
		actor,
		{ spaceId, moduleId: mounted.value.id, manifest: proposals },
		{ title, published: true, settings: {}, phaseSettings, requiredVerifications: {} }
	);
	if (!configured.ok) throw new Error(`demo proposals: ${JSON.stringify(configured.errors)}`);
	const demoUsers = await db
		.select({ id: user.id })
		.from(user)
		.where(like(user.email, '%@demo.vocea.local'))
		.orderBy(asc(user.email));
	await seedProposals(db, { spaceId, moduleId: mounted.value.id, userIds: demoUsers.map((u) => u.id) });
	return mounted.value.id;
}
