/**
 * The issue-4 benchmark's data set, written with multi-row inserts through the app's own schema (so a renamed column
 * breaks this file at type-check time, not silently): 3,000 citizens, 2,000 proposals in one proposals module of a
 * published demo process (realistic spread over neighbourhoods, categories, answer states and supports) and 50,000
 * comments in threads up to depth 3, one proposal carrying a 5,000-comment thread. Deterministic (seeded PRNG).
 *
 * Run by run.ts as a child process with the server's environment (DATABASE_URL or DATA_DIR), after
 * scripts/prepare.ts; prints one line `BENCH_TARGETS {json}` with what the benchmark should request.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { closeDatabase, getDatabase, type Db } from '../../src/lib/server/platform/db/index.ts';
import {
	commentCounts,
	comments,
	commentVotes,
	follows,
	moduleInstances,
	neighbourhoods,
	notifications,
	phases,
	spaces,
	user
} from '../../src/lib/server/platform/db/schema.ts';
// eslint-disable-next-line no-restricted-imports -- the benchmark fills the module's tables directly, in bulk
import {
	proposalsCategories,
	proposalsEvents,
	proposalsProposals,
	proposalsSupports
} from '../../src/lib/server/modules/proposals/schema.ts';

export interface BenchTargets {
	processSlug: string;
	moduleId: string;
	listExpect: string[];
	filterLabel: string;
	filterQuery: string;
	filterExpect: string[];
	laterLabel: string;
	laterQuery: string;
	laterExpect: string[];
	threadLabel: string;
	threadProposalId: string;
	threadExpect: string[];
}

const PROPOSALS = 2000;
const COMMENTS = 50_000;
const THREAD = 5000;
const CITIZENS = 3000;
const SIGNED_IN_EMAIL = 'ana.popescu@demo.vocea.local';

// mulberry32: a small seeded generator, so every run fills the same data set.
let state = 4;
function random(): number {
	state = (state + 0x6d2b79f5) | 0;
	let t = state;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
/** Heavy-tailed counts (a few proposals collect most supports and comments, as in every real process). */
const pareto = (scale: number, alpha: number) => scale * (Math.pow(1 - random(), -1 / alpha) - 1);

async function insertAll(db: Db, table: PgTable, rows: Record<string, unknown>[], batch = 1000) {
	for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never);
}

const firstNames = [
	'Andrei',
	'Maria',
	'Ioana',
	'Alexandru',
	'Elena',
	'Mihai',
	'Cristina',
	'Gabriel',
	'Ana',
	'Radu',
	'Diana',
	'Bogdan',
	'Laura',
	'Vlad',
	'Simona',
	'Florin',
	'Carmen',
	'Adrian',
	'Monica',
	'Sorin',
	'Levente',
	'Erika',
	'Dragan',
	'Milica'
];
const lastNames = [
	'Popescu',
	'Ionescu',
	'Stan',
	'Dumitru',
	'Munteanu',
	'Popa',
	'Stoica',
	'Marin',
	'Kovács',
	'Szabó',
	'Jovanović',
	'Petrović',
	'Schneider',
	'Vasile',
	'Constantin',
	'Lungu',
	'Radulescu',
	'Moldovan',
	'Bălan',
	'Toma',
	'Ardelean'
];
const streets = [
	'Calea Aradului',
	'Bulevardul Take Ionescu',
	'Strada Gheorghe Lazăr',
	'Calea Șagului',
	'Bulevardul Cetății',
	'Strada Ion Ionescu de la Brad',
	'Calea Lipovei',
	'Bulevardul Liviu Rebreanu',
	'Strada Mărășești',
	'Calea Martirilor',
	'Strada Romulus',
	'Bulevardul Eroilor de la Tisa',
	'Strada Drubeta',
	'Calea Torontalului',
	'Strada Avram Imbroane',
	'Bulevardul Sudului',
	'Strada Pomiculturii',
	'Strada Ștefan cel Mare'
];
const places = [
	'Parcul Rozelor',
	'Parcul Botanic',
	'Piața Victoriei',
	'Piața Unirii',
	'Parcul Central',
	'malul Begăi',
	'Piața 700',
	'Parcul Copiilor',
	'Piața Libertății',
	'Parcul Alpinet',
	'zona Iulius Town',
	'Piața Traian'
];
const categoryNames: { ro: string; en: string }[] = [
	{ ro: 'Mobilitate', en: 'Mobility' },
	{ ro: 'Spații verzi', en: 'Green spaces' },
	{ ro: 'Iluminat public', en: 'Street lighting' },
	{ ro: 'Educație', en: 'Education' },
	{ ro: 'Sănătate', en: 'Health' },
	{ ro: 'Cultură', en: 'Culture' },
	{ ro: 'Siguranță', en: 'Safety' },
	{ ro: 'Infrastructură', en: 'Infrastructure' }
];
const titles: ((where: string) => string)[] = [
	(w) => `Pistă de biciclete pe ${w}`,
	(w) => `Mai mulți copaci pe ${w}`,
	(w) => `Iluminat public mai bun în ${w}`,
	(w) => `Trecere de pietoni semaforizată pe ${w}`,
	(w) => `Bănci și coșuri de gunoi în ${w}`,
	(w) => `Loc de joacă renovat lângă ${w}`,
	(w) => `Parcare pentru biciclete lângă ${w}`,
	(w) => `Trotuare reparate pe ${w}`,
	(w) => `Cișmea cu apă potabilă în ${w}`,
	(w) => `Stație de autobuz acoperită pe ${w}`,
	(w) => `Colectare selectivă a deșeurilor în ${w}`,
	(w) => `Toalete publice în ${w}`
];
const sentences = [
	'Locuiesc în zonă de peste zece ani și situația s-a înrăutățit vizibil.',
	'Mulți vecini, mai ales părinții cu copii mici și persoanele în vârstă, au aceeași problemă.',
	'Seara, porțiunea este aproape neluminată și oamenii evită să treacă pe acolo.',
	'Propun ca lucrarea să fie făcută în vacanța de vară, când traficul este mai redus.',
	'Costul ar fi mic în comparație cu beneficiul pentru întreg cartierul.',
	'Am discutat cu asociația de proprietari și suntem dispuși să ajutăm la întreținere.',
	'În alte orașe, de exemplu la Cluj și la Oradea, soluții asemănătoare au funcționat foarte bine.',
	'Ar fi util ca primăria să consulte și școala din apropiere înainte de proiectare.',
	'Pe timp de ploaie se formează bălți mari, iar trotuarul devine impracticabil.',
	'Traficul de tranzit a crescut mult de când s-a deschis noul centru comercial.',
	'O soluție temporară ar putea fi montată rapid, până la un proiect complet.',
	'Vă rog să luați în calcul și accesul persoanelor cu dizabilități.'
];
const replies = [
	'Sunt de acord, trec zilnic pe acolo și confirm.',
	'Nu cred că aceasta este prioritatea cartierului în acest moment.',
	'Ar trebui cerută și părerea Poliției Locale.',
	'Foarte bună idee, susțin!',
	'Cât ar costa, aproximativ? Există un deviz?',
	'Problema a mai fost semnalată acum doi ani, fără rezultat.',
	'Propun o variantă: lucrarea să fie făcută pe etape.',
	'Mulțumesc pentru inițiativă, am distribuit și vecinilor.',
	'Atenție la copacii existenți, să nu fie tăiați.',
	'Ar fi bine să existe și o consultare la fața locului.'
];
const paragraph = (n: number) => Array.from({ length: n }, () => pick(sentences)).join(' ');

interface ProcessRef {
	spaceId: string;
	slug: string;
}

/** A published demo process with a current phase, with its proposals module (mounted and published here if needed). */
async function proposalsModule(db: Db): Promise<ProcessRef & { moduleId: string }> {
	const today = new Date().toISOString().slice(0, 10);
	const mounted = await db
		.select({ spaceId: spaces.id, slug: spaces.slug, moduleId: moduleInstances.id })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(and(eq(moduleInstances.kind, 'proposals'), eq(spaces.status, 'published')));
	const [current] = await db
		.select({ spaceId: spaces.id, slug: spaces.slug })
		.from(spaces)
		.innerJoin(phases, eq(phases.spaceId, spaces.id))
		.where(and(eq(spaces.status, 'published'), sql`${phases.startsOn} <= ${today} and ${phases.endsOn} >= ${today}`))
		.orderBy(spaces.slug)
		.limit(1);
	if (!current) throw new Error('no published process with a current phase (demo seed missing?)');
	const existing = mounted.find((m) => m.spaceId === current.spaceId) ?? mounted[0];
	if (existing) {
		await db.update(moduleInstances).set({ published: true }).where(eq(moduleInstances.id, existing.moduleId));
		return existing;
	}
	// Mounted as the admin would (default settings come from the manifest's zod schema when read).
	const [row] = await db
		.insert(moduleInstances)
		.values({
			spaceId: current.spaceId,
			kind: 'proposals',
			title: { ro: 'Propuneri', en: 'Proposals' },
			position: 10,
			published: true
		})
		.returning({ id: moduleInstances.id });
	return { ...current, moduleId: row.id };
}

export async function fill(db: Db): Promise<{ description: string; targets: BenchTargets }> {
	const proc = await proposalsModule(db);
	const now = Date.now();
	const day = 86_400_000;

	// Citizens.
	const citizenRows = Array.from({ length: CITIZENS }, (_, i) => ({
		id: randomUUID(),
		name: `${pick(firstNames)} ${pick(lastNames)}`,
		email: `cetatean${i}@bench.vocea.local`,
		emailVerified: true,
		locale: 'ro',
		createdAt: new Date(now - int(30, 400) * day)
	}));
	await insertAll(db, user, citizenRows);
	const [me] = await db.select({ id: user.id }).from(user).where(eq(user.email, SIGNED_IN_EMAIL));
	if (!me) throw new Error(`demo citizen ${SIGNED_IN_EMAIL} missing`);
	const people = [me.id, ...citizenRows.map((c) => c.id)];

	// Categories, neighbourhoods.
	const categoryRows = categoryNames.map((name, position) => ({
		id: randomUUID(),
		moduleId: proc.moduleId,
		name,
		position
	}));
	await insertAll(db, proposalsCategories, categoryRows);
	const hoods = await db.select({ id: neighbourhoods.id, name: neighbourhoods.name }).from(neighbourhoods);
	if (!hoods.length) throw new Error('no neighbourhoods (reference seed missing?)');
	// Bigger neighbourhoods write more: a fixed random weight each.
	const hoodWeights = hoods.map(() => 0.2 + random());
	const hoodTotal = hoodWeights.reduce((a, b) => a + b, 0);
	const pickHood = () => {
		let r = random() * hoodTotal;
		for (let i = 0; i < hoods.length; i++) if ((r -= hoodWeights[i]) <= 0) return hoods[i];
		return hoods[hoods.length - 1];
	};

	// Proposals.
	const proposalRows = Array.from({ length: PROPOSALS }, (_, i) => {
		const hood = random() < 0.85 ? pickHood() : null;
		const where = random() < 0.5 ? pick(streets) : pick(places);
		const created = new Date(now - random() * 90 * day);
		const r = random();
		const st = r < 0.72 ? 'published' : r < 0.84 ? 'evaluating' : r < 0.92 ? 'accepted' : 'rejected';
		const answered = st !== 'published';
		const located = random() < 0.6;
		return {
			id: randomUUID(),
			moduleId: proc.moduleId,
			authorId: i < 3 ? me.id : pick(people),
			title: pick(titles)(where),
			body: [paragraph(int(2, 4)), paragraph(int(1, 3)), paragraph(int(1, 2))].join('\n\n'),
			categoryId: pick(categoryRows).id,
			neighbourhoodId: hood?.id ?? null,
			address: located ? `${pick(streets)} nr. ${int(1, 120)}` : null,
			latitude: located ? 45.72 + random() * 0.07 : null,
			longitude: located ? 21.17 + random() * 0.12 : null,
			state: st,
			answer: answered
				? {
						ro: `Răspunsul Direcției: propunerea este ${st === 'accepted' ? 'acceptată' : st === 'rejected' ? 'respinsă' : 'în analiză'}. ${paragraph(2)}`
					}
				: null,
			answeredAt: answered ? new Date(created.getTime() + random() * (now - created.getTime())) : null,
			costEstimate: st === 'accepted' ? int(5, 500) * 1000 : null,
			withdrawnAt: random() < 0.02 ? new Date(created.getTime() + day) : null,
			createdAt: created,
			updatedAt: created
		};
	});
	// The thread proposal: open, in the signed-in citizen's neighbourhood of interest, much supported.
	const thread = proposalRows[7];
	thread.state = 'published';
	thread.withdrawnAt = null;
	thread.answer = null;
	thread.answeredAt = null;
	thread.costEstimate = null;

	// Supports: heavy-tailed per proposal, distinct people; the counter is set from the rows.
	const supportRows: Record<string, unknown>[] = [];
	const supportCount = new Map<string, number>();
	for (const p of proposalRows) {
		const k = Math.min(1500, Math.floor(p === thread ? 900 : pareto(4, 1.3)));
		const who = new Set<string>();
		while (who.size < k) who.add(pick(people));
		if (p === thread || random() < 0.05) who.add(me.id);
		for (const userId of who)
			supportRows.push({ proposalId: p.id, userId, moduleId: proc.moduleId, createdAt: p.createdAt });
		supportCount.set(p.id, who.size);
	}
	await insertAll(
		db,
		proposalsProposals,
		proposalRows.map((p) => ({ ...p, supportsCount: supportCount.get(p.id) ?? 0 }))
	);
	await insertAll(db, proposalsSupports, supportRows);
	await insertAll(db, proposalsEvents, [
		...proposalRows.map((p) => ({ id: randomUUID(), proposalId: p.id, kind: 'created', createdAt: p.createdAt })),
		...proposalRows
			.filter((p) => p.answeredAt)
			.map((p) => ({
				id: randomUUID(),
				proposalId: p.id,
				kind: 'answered',
				data: { state: p.state },
				createdAt: p.answeredAt!
			}))
	]);

	// Comments: 5,000 on the thread proposal, the rest heavy-tailed over the others.
	const perProposal = new Map<string, number>([[thread.id, THREAD]]);
	const others = proposalRows.filter((p) => p !== thread);
	// Capped so that the 5,000-comment thread stays the longest.
	const weights = others.map(() => Math.min(60, pareto(1, 1.2)));
	const weightTotal = weights.reduce((a, b) => a + b, 0);
	let left = COMMENTS - THREAD;
	others.forEach((p, i) => {
		const n = Math.min(left, Math.floor(((COMMENTS - THREAD) * weights[i]) / weightTotal));
		perProposal.set(p.id, n);
		left -= n;
	});
	for (let i = 0; left > 0; i = (i + 1) % others.length, left--)
		perProposal.set(others[i].id, perProposal.get(others[i].id)! + 1);

	const commentRows: (typeof comments.$inferInsert)[] = [];
	const countRows: (typeof commentCounts.$inferInsert)[] = [];
	const voteRows: Record<string, unknown>[] = [];
	for (const p of proposalRows) {
		const n = perProposal.get(p.id) ?? 0;
		if (!n) continue;
		const span = now - p.createdAt.getTime();
		const times = Array.from({ length: n }, () => p.createdAt.getTime() + random() * span).sort((a, b) => a - b);
		const byDepth: (typeof comments.$inferInsert)[][] = [[], [], []];
		const counts = { total: 0, for: 0, against: 0, neutral: 0 };
		for (const t of times) {
			const r = random();
			const depth = r < 0.55 || !byDepth[0].length ? 1 : r < 0.85 || !byDepth[1].length ? 2 : 3;
			const parent = depth > 1 ? pick(byDepth[depth - 2]) : null;
			const a = random();
			const alignment = a < 0.4 ? ('for' as const) : a < 0.6 ? ('against' as const) : ('neutral' as const);
			const hidden = random() < 0.005;
			const deleted = !hidden && random() < 0.005;
			const up = Math.min(200, Math.floor(pareto(0.8, 1.5)));
			const down = Math.min(100, Math.floor(pareto(0.3, 1.5)));
			const id = randomUUID();
			const row: typeof comments.$inferInsert = {
				id,
				resourceType: 'proposal',
				resourceId: p.id,
				spaceId: proc.spaceId,
				moduleId: proc.moduleId,
				parentId: parent?.id ?? null,
				rootId: parent ? parent.rootId : id,
				depth,
				authorId: pick(people),
				alignment,
				body: depth === 1 ? paragraph(int(1, 4)) : `${pick(replies)} ${random() < 0.5 ? pick(sentences) : ''}`.trim(),
				status: hidden ? 'hidden' : 'visible',
				hiddenReason: hidden ? 'spam' : null,
				hiddenAt: hidden ? new Date(t + day) : null,
				autoHidden: false,
				deletedAt: deleted ? new Date(t + day) : null,
				upVotes: up,
				downVotes: down,
				replyCount: 0,
				createdAt: new Date(t),
				updatedAt: new Date(t)
			};
			if (parent) parent.replyCount = (parent.replyCount ?? 0) + 1;
			byDepth[depth - 1].push(row);
			commentRows.push(row);
			if (!hidden && !deleted) {
				counts.total++;
				counts[alignment]++;
			}
			const voters = new Set<string>();
			while (voters.size < up + down) voters.add(pick(people));
			let k = 0;
			for (const userId of voters)
				voteRows.push({ commentId: id, userId, value: k++ < up ? 1 : -1, createdAt: new Date(t) });
		}
		countRows.push({
			resourceType: 'proposal',
			resourceId: p.id,
			total: counts.total,
			forCount: counts.for,
			againstCount: counts.against,
			neutralCount: counts.neutral
		});
	}
	await insertAll(db, comments, commentRows);
	await insertAll(db, commentCounts, countRows);
	await insertAll(db, commentVotes, voteRows);

	// The signed-in citizen follows the process and the thread proposal and has unread notifications.
	await insertAll(db, follows, [
		{ userId: me.id, resourceType: 'space', resourceId: proc.spaceId },
		{ userId: me.id, resourceType: 'proposal', resourceId: thread.id }
	]);
	await insertAll(
		db,
		notifications,
		Array.from({ length: 40 }, (_, i) => ({
			userId: me.id,
			key: 'comments_notification_reply',
			data: { title: thread.title },
			link: `/processes/${proc.slug}/proposals/${proc.moduleId}/${thread.id}`,
			readAt: i < 30 ? new Date(now - day) : null,
			createdAt: new Date(now - i * 3_600_000)
		}))
	);
	await db.execute(sql`ANALYZE`);

	const filterHood = hoods[hoodWeights.indexOf(Math.max(...hoodWeights))];
	const filterCategory = categoryRows[0];
	const visible = proposalRows.filter((p) => !p.withdrawnAt).length;
	return {
		description:
			`${PROPOSALS.toLocaleString('en')} proposals (${visible} not withdrawn), ` +
			`${supportRows.length.toLocaleString('en')} supports, ${commentRows.length.toLocaleString('en')} comments ` +
			`(${THREAD.toLocaleString('en')} on one proposal), ${voteRows.length.toLocaleString('en')} comment votes, ` +
			`${people.length.toLocaleString('en')} citizens`,
		targets: {
			processSlug: proc.slug,
			moduleId: proc.moduleId,
			listExpect: [`/proposals/${proc.moduleId}/`],
			filterLabel: `neighbourhood “${filterHood.name.ro}” + category “${filterCategory.name.ro}”`,
			filterQuery: `neighbourhood=${filterHood.id}&category=${filterCategory.id}`,
			filterExpect: [`/proposals/${proc.moduleId}/`],
			laterLabel: 'most supported, page 50',
			laterQuery: 'sort=supported&page=50',
			laterExpect: [`/proposals/${proc.moduleId}/`],
			threadLabel: `${THREAD.toLocaleString('en')}-comment thread`,
			threadProposalId: thread.id,
			threadExpect: [thread.title.replace(/&/g, '&amp;')]
		}
	};
}

if (import.meta.main) {
	const database = await getDatabase();
	try {
		const result = await fill(database.db);
		console.log(`BENCH_TARGETS ${JSON.stringify({ ...result, kind: database.kind })}`);
	} finally {
		await closeDatabase();
	}
}
