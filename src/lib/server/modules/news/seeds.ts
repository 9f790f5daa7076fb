/** Demo announcements in Romanian (with English translations), as staff of Timișoara would write them. */
import type { Db } from '../../platform/db/index.ts';
import { newsPosts } from './schema.ts';

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

export async function seedNews(
	db: Db,
	{ moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] }
) {
	const author = userIds[0] ?? null;
	// Seeded posts count as already announced: nobody should receive notifications for demo content.
	const announced = new Date();
	await db.insert(newsPosts).values([
		{
			moduleId,
			pinned: true,
			publishAt: days(-12),
			announcedAt: announced,
			title: {
				ro: 'A început depunerea propunerilor',
				en: 'Proposals are open'
			},
			body: {
				ro: 'Până la sfârșitul lunii puteți depune propuneri pentru cartierul dumneavoastră: un loc de joacă, o stație de bicicletă, copaci pe o stradă.\n\n**Cum?** Creați un cont, confirmați adresa de e-mail și alegeți „Propune”. Dacă aveți nevoie de ajutor, veniți la **Centrul de Informare pentru Cetățeni** din Piața Victoriei nr. 1, luni–vineri între 9 și 16.',
				en: 'Until the end of the month you can submit proposals for your neighbourhood: a playground, a bike stand, trees on a street.\n\n**How?** Create an account, confirm your e-mail address and choose "Propose". If you need help, come to the **Citizens’ Information Centre** at Piața Victoriei 1, Monday to Friday, 9 to 16.'
			},
			createdBy: author,
			updatedBy: author
		},
		{
			moduleId,
			publishAt: days(-5),
			announcedAt: announced,
			title: {
				ro: 'Întâlniri în cartiere: Fabric, Iosefin și Circumvalațiunii',
				en: 'Neighbourhood meetings: Fabric, Iosefin and Circumvalațiunii'
			},
			body: {
				ro: 'Echipa de proiect vine în cartiere ca să discutăm propunerile pe hartă.\n\n- **Fabric** — Casa Tineretului, marți, ora 18\n- **Iosefin** — Liceul Pedagogic, miercuri, ora 18\n- **Circumvalațiunii** — Școala Gimnazială nr. 30, joi, ora 18\n\nIntrarea este liberă; sălile sunt accesibile cu scaunul rulant.',
				en: 'The project team comes to the neighbourhoods to discuss the proposals on a map.\n\n- **Fabric** — Casa Tineretului, Tuesday, 6 pm\n- **Iosefin** — Pedagogical High School, Wednesday, 6 pm\n- **Circumvalațiunii** — Secondary School no. 30, Thursday, 6 pm\n\nEntry is free; the rooms are wheelchair accessible.'
			},
			createdBy: author,
			updatedBy: author
		},
		{
			moduleId,
			publishAt: days(-1),
			announcedAt: announced,
			title: { ro: 'Răspunsurile primăriei la primele 20 de propuneri' },
			body: {
				ro: 'Direcția de Mobilitate și Direcția de Spații Verzi au analizat primele 20 de propuneri. Fiecare propunere are acum un **răspuns oficial** cu starea ei și, unde e cazul, costul estimat. Cine a susținut o propunere a primit o notificare.'
			},
			createdBy: author,
			updatedBy: author
		},
		{
			moduleId,
			publishAt: days(10),
			title: { ro: 'Începe votul (programat)', en: 'Voting starts (scheduled)' },
			body: {
				ro: 'De astăzi puteți vota proiectele calificate. Fiecare persoană are 3 voturi.',
				en: 'From today you can vote for the qualified projects. Everyone has 3 votes.'
			},
			createdBy: author,
			updatedBy: author
		}
	]);
}
