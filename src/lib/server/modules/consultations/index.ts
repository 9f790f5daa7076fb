/**
 * The `consultations` module's public surface: its manifest (for the registry) and the use cases routes, feeds and
 * seeds call. Code outside this folder imports the module only from here.
 */
export { consultations } from './manifest.ts';
export {
	viewConsultation,
	viewRegister,
	registerForApi,
	manageConsultation,
	viewOpenConsultations,
	viewAnnualReport,
	annualReportRows
} from './views.ts';
export {
	readAnnouncementForm,
	readPublishForm,
	readOnlineRecommendationForm,
	readStaffRecommendationForm,
	readOutcomeForm,
	readDebateRequestForm,
	readScheduleDebateForm,
	readSynthesisForm,
	readAnnualReportForm,
	outcomes
} from './forms.ts';
export { saveAnnouncement } from './commands/save-announcement.ts';
export { publishConsultation } from './commands/publish-consultation.ts';
export { submitRecommendation } from './commands/submit-recommendation.ts';
export { recordRecommendation } from './commands/record-recommendation.ts';
export { decideRecommendation } from './commands/decide-recommendation.ts';
export { requestPublicDebate } from './commands/request-public-debate.ts';
export { scheduleDebate } from './commands/schedule-debate.ts';
export { publishSynthesis } from './commands/publish-synthesis.ts';
export { saveAnnualReport, reportYearValid } from './commands/save-annual-report.ts';
export { setUpConsultationSpace } from './commands/set-up-consultation-space.ts';
export { seedConsultation, seedDemoConsultation } from './seeds.ts';
export { backdateConsultationForTests } from './testing.ts';
