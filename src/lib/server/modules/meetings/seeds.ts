/** Demo meetings: a public debate coming up (registration open, speaker slots, rules) and a past one with minutes. */
import { randomInt } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { neighbourhoods } from '../../platform/db/schema.ts';
import { registrationCode } from './rules.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';
import { fromBucharestLocal } from './time.ts';

const DAY = 86_400_000;
/** `days` from `now` at a wall-clock hour in Timișoara. */
const at = (now: Date, days: number, hhmm: string) =>
	fromBucharestLocal(`${new Date(now.getTime() + days * DAY).toISOString().slice(0, 10)}T${hhmm}`)!;

export async function seedMeetings(
	db: Db,
	{ moduleId, userIds }: { spaceId: string; moduleId: string; userIds: string[] },
	now: Date = new Date()
) {
	const places = await db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug })
		.from(neighbourhoods)
		.where(inArray(neighbourhoods.slug, ['cetate', 'iosefin', 'fabric', 'calea-aradului']));
	const hood = (slug: string) => places.find((p) => p.slug === slug)?.id ?? null;
	const author = userIds[0] ?? null;
	const [upcoming] = await db
		.insert(meetingsMeetings)
		.values([
			{
				moduleId,
				title: {
					ro: 'Dezbatere publică: propunerile pentru bugetul municipiului',
					en: 'Public debate: the proposals for the city budget'
				},
				description: {
					ro: 'Primăria prezintă proiectul de buget și propunerile primite în consultare. Locuitorii, asociațiile și instituțiile își pot susține punctul de vedere în fața reprezentanților Primăriei.\n\nDezbaterea este transmisă în direct.',
					en: 'The City Hall presents the draft budget and the proposals received in the consultation. Residents, associations and institutions can make their case to the City Hall’s representatives.\n\nThe debate is streamed live.'
				},
				type: 'hybrid',
				address: 'Sala de consiliu, Primăria Municipiului Timișoara, Bulevardul C.D. Loga nr. 1',
				neighbourhoodId: hood('cetate'),
				lat: 45.75372,
				lng: 21.22571,
				onlineUrl: 'https://www.youtube.com/@PrimariaTimisoara/live',
				startsAt: at(now, 10, '17:00'),
				endsAt: at(now, 10, '19:00'),
				agenda: [
					{
						title: 'Deschiderea dezbaterii și regulile de desfășurare',
						durationMinutes: 10,
						speaker: 'Moderator, Direcția Comunicare'
					},
					{ title: 'Prezentarea proiectului de buget', durationMinutes: 20, speaker: 'Direcția Economică' },
					{ title: 'Intervențiile participanților înscriși (3 minute fiecare)', durationMinutes: 60 },
					{ title: 'Răspunsuri și concluzii', durationMinutes: 30 }
				],
				capacity: 80,
				registrationEnabled: true,
				registrationClosesAt: at(now, 9, '16:00'),
				isPublic: true,
				status: 'published',
				publishedAt: now,
				speakerRegistration: true,
				speakerSlots: 20,
				speakerMinutes: 3,
				rules: {
					ro: '- Înscrierea la cuvânt se face până cu o zi înainte, cu punctul pe care îl veți susține.\n- Fiecare vorbitor are **3 minute**, în ordinea înscrierii.\n- Intervențiile se referă doar la proiectul supus dezbaterii.\n- Accesul presei nu poate fi limitat (Legea 52/2003, art. 8).',
					en: '- Register to speak until the day before, with the point you will make.\n- Each speaker has **3 minutes**, in order of registration.\n- Speak only about the draft under debate.\n- Press access cannot be limited (Law 52/2003, art. 8).'
				},
				createdBy: author,
				updatedBy: author
			},
			{
				moduleId,
				title: { ro: 'Întâlnire cu locuitorii din Calea Aradului', en: 'Meeting with the residents of Calea Aradului' },
				description: {
					ro: 'Am discutat despre parcări, iluminatul public și traseele pentru biciclete din cartier.',
					en: 'We talked about parking, street lighting and cycle routes in the neighbourhood.'
				},
				type: 'in_person',
				address: 'Liceul Teoretic „Grigore Moisil”, Strada Ion Ionescu de la Brad nr. 9',
				neighbourhoodId: hood('calea-aradului'),
				lat: 45.77482,
				lng: 21.22426,
				startsAt: at(now, -25, '18:00'),
				endsAt: at(now, -25, '20:00'),
				agenda: [
					{ title: 'Parcările de reședință', durationMinutes: 30, speaker: 'Direcția Mobilitate Urbană' },
					{ title: 'Iluminatul public pe străzile laterale', durationMinutes: 30 },
					{ title: 'Întrebări libere', durationMinutes: 45 }
				],
				capacity: 60,
				registrationEnabled: true,
				isPublic: true,
				status: 'published',
				publishedAt: new Date(now.getTime() - 35 * DAY),
				minutes: {
					ro: '## Concluzii\n\n1. Direcția Mobilitate Urbană analizează 120 de locuri noi de parcare de reședință.\n2. Iluminatul pe străzile Brândușei și Grigore Alexandrescu intră în planul de investiții.\n3. Propunerile locuitorilor au fost preluate în platformă.',
					en: '## Conclusions\n\n1. The Urban Mobility Directorate is studying 120 new residents’ parking places.\n2. Lighting on Brândușei and Grigore Alexandrescu streets joins the investment plan.\n3. The residents’ proposals were added to the platform.'
				},
				attendanceCount: 47,
				createdBy: author,
				updatedBy: author
			}
		])
		.returning();
	if (userIds.length)
		await db
			.insert(meetingsRegistrations)
			.values(
				userIds.slice(0, 5).map((userId, i) => ({
					meetingId: upcoming.id,
					userId,
					status: 'registered',
					code: registrationCode(randomInt),
					speakerPoint: i === 1 ? 'Propun mutarea fondurilor pentru parcări spre piste de biciclete în Fabric.' : null,
					speakerSince: i === 1 ? now : null
				}))
			)
			.onConflictDoNothing();
}
