/**
 * Demo content: Timișoara participatory processes with phases around today (past, current, upcoming), each with an
 * information-pages module and a few pages. Written through the real commands, as the system actor.
 */
import type { Db } from '../platform/db/index.ts';
import { system } from '../platform/actors/actor.ts';
import { createProcess } from '../platform/spaces/commands/create-process.ts';
import { addPhase } from '../platform/spaces/commands/add-phase.ts';
import { mountModule } from '../platform/spaces/commands/mount-module.ts';
import { configureModule } from '../platform/spaces/commands/configure-module.ts';
import type { Translated } from '../platform/db/columns.ts';
import type { ProcessInput } from '../platform/spaces/forms.ts';
import { insertPages, pages, type SeedPage } from '../modules/pages/index.ts';
import { publishProcessAndModules } from '../spaces-runtime/admin.ts';
import { seedDemoConsultation } from '../modules/consultations/index.ts';
import { mountDemoMeetings } from '../modules/meetings/index.ts';
import { mountDemoProposals } from '../modules/proposals/index.ts';
import { mountDemoNews } from '../modules/news/index.ts';
import { mountDemoSurvey } from '../modules/surveys/index.ts';
import { todayInBucharest } from '../platform/calendar/index.ts';

interface DemoProcess {
	process: ProcessInput;
	/** [title, first day, last day] with days relative to today */
	phases: [Translated, number, number][];
	pages: SeedPage[];
}

const demo: DemoProcess[] = [
	{
		process: {
			slug: 'buget-participativ-2025',
			title: {
				ro: 'Consultare publică: bugetul municipiului pe 2025',
				en: 'Public consultation: the city budget for 2025'
			},
			summary: {
				ro: 'Spuneți-ne ce investiții contează pentru cartierul dumneavoastră înainte ca bugetul să fie votat în Consiliul Local.',
				en: 'Tell us which investments matter for your neighbourhood before the budget is voted in the City Council.'
			},
			description: {
				ro: 'Primăria publică proiectul de buget pe 2025 și adună observații de la locuitori, asociații și instituții.\nObservațiile primite sunt analizate, iar răspunsurile sunt publicate înainte de vot.',
				en: 'The City Hall publishes the draft 2025 budget and collects comments from residents, associations and institutions.\nThe comments are analysed and the answers published before the vote.'
			},
			organiser: {
				ro: 'Direcția Economică, Primăria Municipiului Timișoara',
				en: 'Economic Directorate, Timișoara City Hall'
			},
			decides: {
				ro: 'Consiliul Local votează bugetul. Observațiile locuitorilor sunt analizate și primesc un răspuns public.',
				en: 'The City Council votes the budget. Residents’ comments are analysed and answered in public.'
			},
			expectedResult: {
				ro: 'Bugetul aprobat și un raport cu toate observațiile și răspunsurile.',
				en: 'The approved budget and a report with every comment and answer.'
			}
		},
		phases: [
			[{ ro: 'Publicarea proiectului de buget', en: 'Publication of the draft budget' }, -40, -21],
			[{ ro: 'Consultare publică', en: 'Public consultation' }, -20, 15],
			[{ ro: 'Analiza observațiilor', en: 'Analysis of the comments' }, 16, 35],
			[{ ro: 'Vot în Consiliul Local', en: 'Vote in the City Council' }, 36, 40]
		],
		pages: [
			{
				title: { ro: 'Cum trimiteți observații', en: 'How to send comments' },
				body: {
					ro: 'Puteți trimite observații pe această platformă, prin e-mail la **buget@primariatm.ro** sau la Centrul de Informare pentru Cetățeni, B-dul C.D. Loga nr. 1.\n\n## Ce se întâmplă apoi\n\nFiecare observație primește un răspuns public în raportul de consultare.',
					en: 'You can send comments on this platform, by e-mail to **buget@primariatm.ro** or at the Citizens’ Information Centre, 1 C.D. Loga Boulevard.\n\n## What happens next\n\nEvery comment receives a public answer in the consultation report.'
				}
			},
			{
				title: { ro: 'Calendarul bugetului', en: 'Budget calendar' },
				body: {
					ro: '- Publicarea proiectului\n- Consultare publică (cel puțin 30 de zile)\n- Analiza observațiilor\n- Votul în Consiliul Local',
					en: '- Publication of the draft\n- Public consultation (at least 30 days)\n- Analysis of the comments\n- Vote in the City Council'
				}
			},
			{
				title: { ro: 'Glosar: termeni bugetari', en: 'Glossary: budget terms' },
				body: {
					ro: '**Venituri proprii**: taxe și impozite locale.\n\n**Cheltuieli de capital**: investiții în clădiri, străzi, rețele.'
				}
			}
		]
	},
	{
		process: {
			slug: 'planul-de-mobilitate-urbana',
			title: { ro: 'Planul de mobilitate urbană durabilă 2025–2035', en: 'Sustainable urban mobility plan 2025–2035' },
			summary: {
				ro: 'Cum ne vom deplasa prin oraș în următorii zece ani: transport public, biciclete, trotuare și parcări.',
				en: 'How we will move around the city in the next ten years: public transport, bikes, pavements and parking.'
			},
			description: {
				ro: 'Planul stabilește prioritățile de mobilitate ale Timișoarei și ale zonei metropolitane. Începem cu un diagnostic, continuăm cu ateliere în cartiere și încheiem cu versiunea finală a planului.'
			},
			organiser: { ro: 'Direcția de Mobilitate Urbană', en: 'Urban Mobility Directorate' },
			decides: {
				ro: 'Consiliul Local aprobă planul; propunerile din ateliere sunt incluse în analiza variantelor.',
				en: 'The City Council approves the plan; proposals from the workshops feed into the options analysis.'
			},
			expectedResult: {
				ro: 'Planul aprobat și lista de proiecte prioritare.',
				en: 'The approved plan and its list of priority projects.'
			}
		},
		phases: [
			[{ ro: 'Diagnostic și chestionar', en: 'Diagnosis and questionnaire' }, -5, 25],
			[{ ro: 'Ateliere în cartiere', en: 'Neighbourhood workshops' }, 26, 60],
			[{ ro: 'Planul final', en: 'Final plan' }, 61, 120]
		],
		pages: [
			{
				title: { ro: 'De ce un plan de mobilitate', en: 'Why a mobility plan' },
				body: {
					ro: 'Planul de mobilitate este condiția pentru fonduri europene destinate transportului public și pistelor de biciclete.',
					en: 'The mobility plan is the condition for European funds for public transport and cycle lanes.'
				}
			},
			{
				title: { ro: 'Atelierele din cartiere', en: 'Neighbourhood workshops' },
				body: { ro: 'Programul atelierelor va fi publicat aici înainte de începerea fazei.' }
			}
		]
	},
	{
		process: {
			slug: 'timisoara-decide',
			title: { ro: 'Timișoara Decide!', en: 'Timișoara Decides!' },
			summary: {
				ro: 'Aflați cum funcționează bugetarea participativă: de la idee la proiect realizat.',
				en: 'Find out how participatory budgeting works: from an idea to a finished project.'
			},
			description: {
				ro: 'Un proces de informare despre bugetarea participativă din Timișoara: cine poate propune, cum se votează și cum urmăriți realizarea proiectelor câștigătoare.'
			},
			organiser: { ro: 'Primăria Municipiului Timișoara', en: 'Timișoara City Hall' },
			decides: {
				ro: 'Nu se ia nicio decizie în acest proces: este un proces de informare.',
				en: 'Nothing is decided in this process: it is for information.'
			},
			expectedResult: {
				ro: 'Locuitori informați, pregătiți pentru următoarea ediție.',
				en: 'Informed residents, ready for the next edition.'
			}
		},
		phases: [
			[{ ro: 'Sesiuni de informare', en: 'Information sessions' }, -90, -31],
			[{ ro: 'Ghidul participantului', en: 'Participant’s guide' }, -30, 90]
		],
		pages: [
			{
				title: { ro: 'Cum funcționează', en: 'How it works' },
				body: {
					ro: '1. Locuitorii propun proiecte.\n2. Specialiștii primăriei verifică dacă sunt fezabile.\n3. Locuitorii votează.\n4. Proiectele câștigătoare intră în buget.',
					en: '1. Residents propose projects.\n2. City Hall specialists check they are feasible.\n3. Residents vote.\n4. The winning projects go into the budget.'
				}
			},
			{
				title: { ro: 'Cine poate participa', en: 'Who can take part' },
				body: { ro: 'Orice persoană de peste 14 ani care locuiește, învață sau muncește în Timișoara.' }
			}
		]
	}
];

const day = (now: Date, offset: number) => todayInBucharest(now.getTime() + offset * 86_400_000);

/** Creates the demo processes (published) with their phases and pages; returns their slugs. */
export async function seedDemoProcesses(db: Db, { adminId, now = new Date() }: { adminId: string | null; now?: Date }) {
	const actor = system('seed');
	const slugs: string[] = [];
	for (const d of demo) {
		const created = await createProcess(actor, d.process);
		if (!created.ok) throw new Error(`demo process ${d.process.slug}: ${JSON.stringify(created.errors)}`);
		const spaceId = created.value.id;
		for (const [title, from, to] of d.phases) {
			const r = await addPhase(actor, spaceId, {
				title,
				description: { ro: '' },
				startsOn: day(now, from),
				endsOn: day(now, to)
			});
			if (!r.ok) throw new Error(`demo phase: ${JSON.stringify(r.errors)}`);
		}
		const moduleTitle = { ro: 'Informații', en: 'Information' };
		const mounted = await mountModule(actor, { spaceId, manifest: pages }, { title: moduleTitle });
		if (!mounted.ok) throw new Error('demo module');
		await configureModule(
			actor,
			{ spaceId, moduleId: mounted.value.id, manifest: pages },
			{ title: moduleTitle, published: true, settings: {}, phaseSettings: {}, requiredVerifications: {} }
		);
		await insertPages(db, mounted.value.id, d.pages, adminId);
		// The first demo process also has meetings: a public debate with registration and a past meeting with minutes.
		if (slugs.length === 0) await mountDemoMeetings(db, spaceId);
		// …and announcements (one pinned, one scheduled).
		if (slugs.length === 0) await mountDemoNews(db, spaceId, adminId);
		// Timișoara Decide! also collects citizens' proposals (supports, answers, categories).
		if (d.process.slug === 'timisoara-decide') await mountDemoProposals(db, spaceId);
		// The mobility plan starts with a questionnaire (about forty responses, public results).
		if (d.process.slug === 'planul-de-mobilitate-urbana') await mountDemoSurvey(db, spaceId);
		await publishProcessAndModules(actor, spaceId);
		slugs.push(created.value.slug);
	}
	// A Law 52/2003 consultation on a draft decision, with recommendations in its register.
	slugs.push(await seedDemoConsultation(db, { userIds: [], now }));
	return slugs;
}
