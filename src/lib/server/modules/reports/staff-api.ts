/** The staff side of the reports module, for routes and jobs: inbox, staff commands, category admin, reminders. */
export { inbox, staffReport, INBOX_PAGE_SIZE, type InboxFilters } from './inbox.ts';
export { categoryTree, categoryForEdit, departmentHeads } from './category-admin.ts';
export { readCategoryForm, formatValues } from './category-form.ts';
export { sendReportReminders, REPORTS_REMINDER_JOB } from './reminders.ts';
export { staffReportPath } from './staff.ts';
export { updateReport } from './commands/update-report.ts';
export { addInternalNote } from './commands/add-internal-note.ts';
export { assignReport } from './commands/assign-report.ts';
export { bulkUpdateReports, type BulkAction } from './commands/bulk-update-reports.ts';
export { mergeReports } from './commands/merge-reports.ts';
export { rerouteReport } from './commands/reroute-report.ts';
export { forwardReport } from './commands/forward-report.ts';
export { extendDeadline } from './commands/extend-deadline.ts';
export { hideReport } from './commands/hide-report.ts';
export { restoreReport } from './commands/restore-report.ts';
export { saveCategory } from './commands/save-category.ts';
export { setDepartmentHead } from './commands/set-department-head.ts';
export { staffStoryForTests } from './staff-test-hooks.ts';
