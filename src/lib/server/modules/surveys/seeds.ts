/**
 * Demo survey: "Cum vă deplasați prin Timișoara?" for the urban mobility plan, with every question type, a
 * conditional question, and about forty responses (demo citizens, and detached responses standing for people who
 * answered on paper or later deleted their account). Written straight to the tables: seeds bypass the answer window.
 */
import type { Db } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import type { Answers, Choice, QuestionConfig, QuestionCondition, QuestionType } from '#lib/modules/surveys/logic.ts';
import { surveysQuestions, surveysResponses, surveysSurveys } from './schema.ts';

const choices = (prefix: string, labels: [string, string][]): Choice[] =>
	labels.map(([ro, en], i) => ({ id: `${prefix}${i + 1}`, label: { ro, en } }));

interface SeedQuestion {
	id: string;
	type: QuestionType;
	title: Translated;
	description?: Translated;
	required?: boolean;
	config?: QuestionConfig;
	condition?: QuestionCondition;
}

const mode = choices('mod', [
	['Pe jos', 'On foot'],
	['Cu bicicleta sau trotineta', 'By bicycle or scooter'],
	['Cu tramvaiul, troleibuzul sau autobuzul', 'By tram, trolleybus or bus'],
	['Cu autoturismul personal', 'By car']
]);

/** Stable question ids (a UUID shape is not required), so the demo's CSV and links stay the same between runs. */
export function mobilityQuestions(moduleId: string): SeedQuestion[] {
	const id = (n: number) => `${moduleId.slice(0, 8)}-q${n}`;
	return [
		{
			id: id(1),
			type: 'single_choice',
			title: { ro: 'Cum vă deplasați cel mai des prin oraș?', en: 'How do you usually get around the city?' },
			required: true,
			config: { options: mode, allowOther: true }
		},
		{
			id: id(2),
			type: 'multiple_choice',
			title: {
				ro: 'Ce v-ar convinge să lăsați mașina acasă?',
				en: 'What would convince you to leave the car at home?'
			},
			description: { ro: 'Alegeți cel mult două variante.', en: 'Choose at most two.' },
			config: {
				options: choices('car', [
					['Tramvaie și autobuze mai dese', 'More frequent trams and buses'],
					['Piste de biciclete sigure și continue', 'Safe, continuous cycle lanes'],
					['Parcări de transfer la intrările în oraș', 'Park-and-ride at the city entrances'],
					['Trotuare late și umbrite', 'Wide, shaded pavements']
				]),
				allowOther: true,
				minSelections: 1,
				maxSelections: 2
			},
			condition: { questionId: id(1), optionId: 'mod4' }
		},
		{
			id: id(3),
			type: 'matrix',
			title: {
				ro: 'Cât de mulțumit sunteți de transportul public?',
				en: 'How satisfied are you with public transport?'
			},
			config: {
				rows: choices('row', [
					['Tramvaie', 'Trams'],
					['Troleibuze', 'Trolleybuses'],
					['Autobuze', 'Buses'],
					['Vaporetto pe Bega', 'Water bus on the Bega']
				]),
				columns: choices('col', [
					['Deloc', 'Not at all'],
					['Puțin', 'A little'],
					['Mulțumit', 'Satisfied'],
					['Foarte mulțumit', 'Very satisfied']
				]),
				multiplePerRow: false
			}
		},
		{
			id: id(4),
			type: 'ranking',
			title: {
				ro: 'Ordonați prioritățile pentru următorii zece ani',
				en: 'Rank the priorities for the next ten years'
			},
			description: { ro: '1 = cea mai importantă.', en: '1 = most important.' },
			config: {
				options: choices('pri', [
					['Piste de biciclete', 'Cycle lanes'],
					['Modernizarea liniilor de tramvai', 'Upgrading the tram lines'],
					['Parcări de reședință', 'Residents’ parking'],
					['Zone pietonale în centru și în cartiere', 'Pedestrian areas downtown and in neighbourhoods']
				])
			}
		},
		{
			id: id(5),
			type: 'number',
			title: {
				ro: 'Câte minute durează drumul zilnic spre serviciu sau școală?',
				en: 'How many minutes is your daily trip to work or school?'
			},
			config: { min: 0, max: 240, integer: true }
		},
		{
			id: id(6),
			type: 'date',
			title: {
				ro: 'Când ați folosit ultima dată transportul public?',
				en: 'When did you last use public transport?'
			},
			config: { minDate: '2020-01-01', maxDate: null }
		},
		{
			id: id(7),
			type: 'short_text',
			title: {
				ro: 'Numiți o intersecție periculoasă pentru pietoni sau bicicliști',
				en: 'Name a junction that is dangerous for pedestrians or cyclists'
			}
		},
		{
			id: id(8),
			type: 'long_text',
			title: { ro: 'Alte observații sau propuneri', en: 'Other comments or suggestions' }
		}
	];
}

const junctions = [
	'Piața Badea Cârțan',
	'Calea Șagului cu Str. Gheorghe Lazăr',
	'Podul Mihai Viteazul',
	'Piața Iosefin',
	'Bd. Cetății cu Calea Aradului',
	'Piața Maria'
];
const remarks = [
	'Tramvaiul 8 ar trebui să circule mai des seara.',
	'Pista de pe malul Begăi este foarte bună, ar trebui continuată spre Ronaț.',
	'Stațiile din Fratelia nu au copertine.',
	'Vă rog să sincronizați semafoarele de pe Calea Buziașului.'
];

/** A small deterministic generator (mulberry32), so the demo looks the same on every machine. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function answersFor(questions: SeedQuestion[], next: () => number, today: Date): Answers {
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	const [q1, q2, q3, q4, q5, q6, q7, q8] = questions;
	const answers: Answers = {};
	// On foot 20 %, bicycle 15 %, public transport 40 %, car 25 %.
	const r = next();
	const option = (r < 0.2 ? mode[0] : r < 0.35 ? mode[1] : r < 0.75 ? mode[2] : mode[3]).id;
	answers[q1.id] = { option };
	if (option === 'mod4') {
		const opts = q2.config!.options!;
		const first = pick(opts).id;
		const second = next() < 0.5 ? pick(opts.filter((o) => o.id !== first)).id : null;
		answers[q2.id] = { options: opts.map((o) => o.id).filter((id) => id === first || id === second) };
	}
	if (next() < 0.8)
		answers[q3.id] = {
			rows: Object.fromEntries(
				q3.config!.rows!.filter(() => next() < 0.9).map((row) => [row.id, [pick(q3.config!.columns!).id]])
			)
		};
	if (next() < 0.7) answers[q4.id] = { ranking: [...q4.config!.options!].sort(() => next() - 0.5).map((o) => o.id) };
	if (next() < 0.85) answers[q5.id] = { number: 5 + Math.round(next() * 55) };
	if (next() < 0.6) {
		const d = new Date(today.getTime() - Math.floor(next() * 60) * 86_400_000);
		answers[q6.id] = { date: d.toISOString().slice(0, 10) };
	}
	if (next() < 0.4) answers[q7.id] = { text: pick(junctions) };
	if (next() < 0.2) answers[q8.id] = { text: pick(remarks) };
	return answers;
}

/** The contract's `seed`: the mobility survey with about forty responses. */
export async function seedMobilitySurvey(
	db: Db,
	{ moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] },
	{ responses = 40, now = new Date() }: { responses?: number; now?: Date } = {}
) {
	const questions = mobilityQuestions(moduleId);
	const description = {
		ro: 'Planul de mobilitate pornește de la cum vă deplasați astăzi. Chestionarul durează cam cinci minute; puteți reveni și modifica răspunsurile până la închidere.',
		en: 'The mobility plan starts from how you travel today. The questionnaire takes about five minutes; you can come back and change your answers until it closes.'
	};
	await db
		.insert(surveysSurveys)
		.values({ moduleId, description })
		.onConflictDoUpdate({ target: surveysSurveys.moduleId, set: { description } });
	await db.insert(surveysQuestions).values(
		questions.map((q, position) => ({
			id: q.id,
			moduleId,
			position,
			type: q.type,
			title: q.title,
			description: q.description ?? { ro: '' },
			required: q.required ?? false,
			config: q.config ?? {},
			condition: q.condition ?? null
		}))
	);
	const next = random(20_251_122);
	// Leave the last demo citizen without a response, so the demo shows the questionnaire to someone.
	const people = userIds.slice(0, Math.max(0, userIds.length - 1));
	await db.insert(surveysResponses).values(
		Array.from({ length: responses }, (_, i) => ({
			moduleId,
			respondentId: people[i] ?? null,
			answers: answersFor(questions, next, now)
		}))
	);
}
