/**
 * The `reports` module's public surface: its manifest (for the registry) and the use cases routes, the Open311 API,
 * jobs and seeds call. Code outside this folder imports the module only from here.
 */
export { reports, REPORT_RESOURCE } from './manifest.ts';
export { cityReportsModule, cityReportsModuleId, reportsModule, canReports } from './context.ts';
export * from './rules.ts';
export type { ReportState, ReportChannel, ReportQuestion, QuestionDatatype } from './schema.ts';
