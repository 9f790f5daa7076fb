/** Demo content: a Law 52/2003 consultation on a draft decision of the Timișoara City Council, published a few
 * days ago, with recommendations received online, by e-mail and on paper in its register. */
import { eq } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { publishProcess } from '../../platform/spaces/commands/publish-process.ts';
import { setUpConsultationSpace } from './commands/set-up-consultation-space.ts';
import { addCalendarDays, todayInBucharest } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances } from '../../platform/db/schema.ts';
import { addRegisterEntry } from './commands/add-register-entry.ts';
import { consultationsCreated } from './lifecycle.ts';
import { minimumDates } from './rules.ts';
import { consultationsConsultations } from './schema.ts';
import { indexConsultation } from './search.ts';

const draftText = `# Proiect de hotărâre privind aprobarea Regulamentului pentru amplasarea teraselor sezoniere pe domeniul public al municipiului Timișoara

**Art. 1.** Se aprobă Regulamentul pentru amplasarea teraselor sezoniere pe domeniul public al municipiului Timișoara, prevăzut în anexa care face parte integrantă din prezenta hotărâre.

**Art. 2.** Terasele din zona protejată (Piața Unirii, Piața Victoriei, Piața Libertății și străzile adiacente) respectă catalogul de mobilier urban aprobat de Comisia de Estetică Urbană.

**Art. 3.** Între terasă și fațadă rămâne liber un culoar pietonal de cel puțin 1,50 m.

**Art. 4.** Terasele funcționează între 1 aprilie și 31 octombrie; în zona rezidențială, programul se încheie la ora 23:00.

**Art. 5.** Direcția Generală Urbanism și Direcția Poliția Locală duc la îndeplinire prezenta hotărâre.`;

const note = `## Referat de aprobare

În ultimii trei ani, numărul teraselor din centrul istoric a crescut cu peste 40%, iar sesizările privind blocarea trotuarelor și zgomotul după miezul nopții s-au dublat. Regulamentul în vigoare (HCL 2008) nu prevede un culoar pietonal minim și nici reguli pentru zona protejată.

Proiectul propune reguli unitare pentru amplasare, mobilier, program și accesibilitate pentru persoanele cu dizabilități și cu cărucioare.`;

const impact = `Nu sunt estimate costuri pentru bugetul local. Operatorii economici vor adapta mobilierul până la sezonul următor; taxa de ocupare a domeniului public nu se modifică.`;

export async function seedConsultation(
	db: Db,
	{ moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] }
): Promise<void> {
	await consultationsCreated(db, moduleId);
	const today = todayInBucharest();
	const publishedOn = addCalendarDays(today, -6);
	const min = minimumDates(publishedOn);
	const [c] = await db
		.update(consultationsConsultations)
		.set({
			draftTitle: {
				ro: 'Proiect de hotărâre privind regulamentul teraselor sezoniere',
				en: 'Draft decision on the regulation of seasonal terraces'
			},
			explanatoryNote: { ro: note },
			impactStudy: { ro: impact },
			draftText: { ro: draftText },
			contactName: 'Ioana Popescu, Serviciul Relații cu Societatea Civilă',
			contactEmail: 'consultare@primariatm.ro',
			contactPhone: '0256 408 300',
			postalAddress:
				'Primăria Municipiului Timișoara, Bd. C.D. Loga nr. 1, Camera 12 (Registratură), luni–vineri 8:30–16:30',
			publishedOn,
			recommendationsCloseOn: addCalendarDays(min.recommendations.due, 5),
			approvalOn: min.approval.due
		})
		.where(eq(consultationsConsultations.moduleId, moduleId))
		.returning();
	await db.update(moduleInstances).set({ published: true }).where(eq(moduleInstances.id, moduleId));
	const entries = [
		{
			receivedOn: addCalendarDays(publishedOn, 1),
			channel: 'online',
			authorName: 'Andrei Munteanu',
			userId: userIds[0] ?? null,
			contact: 'andrei.munteanu@example.ro',
			article: 'Art. 3',
			text: 'Culoarul de 1,50 m este prea îngust pe strada Alba Iulia; propun 2 m acolo unde trotuarul permite.',
			outcome: 'partly_accepted',
			outcomeReason: 'Culoarul devine 2 m pe străzile pietonale din zona protejată; pe celelalte rămâne 1,50 m.'
		},
		{
			receivedOn: addCalendarDays(publishedOn, 2),
			channel: 'email',
			authorName: 'Maria Kovács',
			organisation: 'Asociația Pietonilor din Timișoara',
			contact: 'contact@pietoni-tm.example.ro',
			article: 'Art. 4',
			text: 'Programul până la 23:00 în zona rezidențială ar trebui aplicat și în weekend, fără excepții.',
			outcome: 'accepted',
			outcomeReason: 'Textul art. 4 a fost completat: programul se aplică în toate zilele săptămânii.'
		},
		{
			receivedOn: addCalendarDays(publishedOn, 4),
			channel: 'paper',
			authorName: 'Gheorghe Ionescu',
			contact: 'Str. Mărășești nr. 5, Timișoara',
			article: 'Art. 2',
			text: 'Solicit ca terasele din Piața Unirii să poată folosi umbrele de orice culoare.'
		}
	];
	await db.transaction(async (tx) => {
		for (const e of entries) await addRegisterEntry(tx, c.id, { ...e, outcomeAt: e.outcome ? new Date() : null });
	});
	await indexConsultation(db, moduleId);
}

/**
 * The demo's consultation space: a space of kind `consultation` with its phases around today, the consultations
 * module mounted and seeded, published. Returns its slug.
 */
export async function seedDemoConsultation(db: Db, { userIds, now = new Date() }: { userIds: string[]; now?: Date }) {
	const actor = system('seed');
	const created = await createProcess(
		actor,
		{
			slug: 'consultare-regulament-terase',
			title: {
				ro: 'Consultare publică: regulamentul teraselor sezoniere',
				en: 'Public consultation: the regulation of seasonal terraces'
			},
			summary: {
				ro: 'Proiect de hotărâre a Consiliului Local în dezbatere publică, conform Legii 52/2003.',
				en: 'A draft City Council decision in public consultation under Law 52/2003.'
			},
			description: {
				ro: 'Primăria propune reguli noi pentru terasele din centrul istoric și din cartiere: culoar pietonal, program, mobilier.',
				en: 'The City Hall proposes new rules for terraces in the historic centre and the neighbourhoods: pedestrian corridor, opening hours, furniture.'
			},
			organiser: { ro: 'Direcția Generală Urbanism, Primăria Municipiului Timișoara' },
			decides: { ro: 'Consiliul Local al Municipiului Timișoara adoptă hotărârea.' },
			expectedResult: { ro: 'Regulamentul adoptat și sinteza recomandărilor primite.' }
		},
		{ kind: 'consultation' }
	);
	if (!created.ok) throw new Error(`demo consultation: ${JSON.stringify(created.errors)}`);
	const spaceId = created.value.id;
	const day = (n: number) => todayInBucharest(now.getTime() + n * 86_400_000);
	for (const [title, from, to] of [
		[{ ro: 'Consultare publică', en: 'Public consultation' }, -6, 15],
		[{ ro: 'Analiza recomandărilor', en: 'Analysis of the recommendations' }, 16, 40],
		[{ ro: 'Adoptare în Consiliul Local', en: 'Adoption by the City Council' }, 41, 60]
	] as const) {
		const r = await addPhase(actor, spaceId, { title, description: { ro: '' }, startsOn: day(from), endsOn: day(to) });
		if (!r.ok) throw new Error(`demo consultation phase: ${JSON.stringify(r.errors)}`);
	}
	const mounted = await setUpConsultationSpace(actor, spaceId);
	if (!mounted.ok) throw new Error('demo consultation module');
	await seedConsultation(db, { spaceId, moduleId: mounted.value.id, userIds });
	await publishProcess(actor, spaceId);
	await indexConsultation(db, mounted.value.id);
	return created.value.slug;
}
