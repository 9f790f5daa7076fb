/** Test data for the meetings module's medium tests. */
import type { MeetingInput } from './forms.ts';

const DAY = 86_400_000;

export const meetingInput = (over: Partial<MeetingInput> = {}, inDays = 10): MeetingInput => ({
	title: { ro: 'Dezbatere publică: parcările din Fabric', en: 'Public debate: parking in Fabric' },
	description: { ro: 'Discutăm **propunerile** locuitorilor.' },
	type: 'in_person',
	address: 'Piața Traian nr. 1, Timișoara',
	startsAt: new Date(Date.now() + inDays * DAY),
	endsAt: new Date(Date.now() + inDays * DAY + 2 * 3_600_000),
	agenda: [{ title: 'Prezentarea proiectului', durationMinutes: 20 }],
	...over
});
