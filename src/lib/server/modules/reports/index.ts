/**
 * The `reports` module's public surface: its manifest (for the registry) and the use cases routes, the Open311 API,
 * jobs and seeds call. Code outside this folder imports the module only from here.
 */
export { reports, REPORT_RESOURCE } from './manifest.ts';
export { cityReportsModule, cityReportsModuleId, reportsModule, canReports } from './context.ts';
export * from './rules.ts';
export type { ReportState, ReportChannel, ReportQuestion, QuestionDatatype } from './schema.ts';
export * from './staff-api.ts';
export { publicMapData, type MapData, type MapPoint } from './map-data.ts';
// Insights: statistics, feeds, area subscriptions, promotion into proposals and budget ideas, demo seed.
export { reportsStats, type ReportsStats, type ReportsStatsRow } from './stats.ts';
export { reportsStatsForApi, statsPeriod, ApiReportsStats, ApiReportsStatsRow } from './stats-api.ts';
export { cityReportsFeed, subscriptionFeed } from './feeds.ts';
export { subscribeArea } from './commands/subscribe-area.ts';
export { unsubscribeArea } from './commands/unsubscribe-area.ts';
export { notifyAreaSubscribers } from './subscriptions-notify.ts';
export { viewSubscriptions } from './subscriptions-views.ts';
export { viewStats } from './stats-views.ts';
export { viewPromotion } from './promotion.ts';
export { promoteReportToProposal } from './commands/promote-report-to-proposal.ts';
export { promoteReportToIdea } from './commands/promote-report-to-idea.ts';
export { reportChain } from './chain.ts';
export { indexReport } from './search.ts';
export { seedDemoReports } from './seeds.ts';
// Open311 GeoReport v2 (`/open311/v2`) and its API keys.
export * as open311 from './open311/index.ts';
// Citizens: the report form (two steps), the public page, browse, "me too", reopening.
export { createReport, type NewReport, type CreatedReport } from './commands/create-report.ts';
export { checkReport } from './commands/check-report.ts';
export { supportReport } from './commands/support-report.ts';
export { reopenReport } from './commands/reopen-report.ts';
export { validateAnswers } from './answers.ts';
export { findDuplicates, type PossibleDuplicate } from './duplicates.ts';
export { submitReportForm, type ReportFormOutcome } from './report-form.ts';
export { reportFormActions } from './report-form-actions.ts';
export { viewReportForm, viewReport, viewReportList, viewReopenByLink, type ReportCategoryTree } from './views.ts';
