/**
 * The `meetings` module's public surface: its manifest (for the registry) and the use cases routes, jobs, seeds and
 * other modules call. Code outside this folder imports the module only from here (a lint rule enforces it).
 *
 * Creating a meeting from code (e.g. the consultations module scheduling a Law 52/2003 public debate):
 *
 * ```ts
 * const r = await scheduleMeeting(actor, {
 *   moduleId,                                  // a mounted meetings module of the same process
 *   meeting: { title: { ro: 'Dezbatere publică …' }, description: { ro: '…' }, type: 'in_person',
 *              address: 'Bulevardul C.D. Loga nr. 1', startsAt: new Date(…), endsAt: new Date(…),
 *              speakerRegistration: true, speakerMinutes: 3, rules: { ro: '…' } },
 *   publish: true,                             // publish now (Law 52 art. 8: at least 3 days before the meeting)
 *   overrideReason: undefined                  // required (and audit-logged) to publish with shorter notice
 * });
 * // r.ok → r.value.id, r.value.url; else r.errors (field → message key), nothing written.
 * ```
 */
export { meetings } from './manifest.ts';
export {
	viewMeetings,
	viewMeeting,
	manageMeetings,
	manageMeeting,
	meetingFormChoices,
	meetingCalendar,
	processCalendar
} from './views.ts';
export { readMeetingForm, readMinutesForm, meetingFormValues, postedValues, type MeetingInput } from './forms.ts';
export { toBucharestLocal } from './time.ts';
export { createMeeting } from './commands/create-meeting.ts';
export { updateMeeting } from './commands/update-meeting.ts';
export { publishMeeting } from './commands/publish-meeting.ts';
export { cancelMeeting } from './commands/cancel-meeting.ts';
export { registerForMeeting } from './commands/register-for-meeting.ts';
export { cancelRegistration } from './commands/cancel-registration.ts';
export { recordMinutes } from './commands/record-minutes.ts';
export { linkProposal, DISCUSSED_AT } from './commands/link-proposal.ts';
export { sendMeetingReminders, REMINDER_JOB } from './commands/send-reminders.ts';
export { scheduleMeeting } from './commands/schedule-meeting.ts';
export { seedMeetings } from './seeds.ts';
export { mountDemoMeetings } from './demo.ts';
export { publicMeetingAttendance } from './queries.ts';
