/** Open data of reports: every public report with its place, category, department, state and legal dates. */
import type { OpenDataExport } from '../../platform/modules/define-module.ts';
import { publicReportRows } from './public-reports.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const reportsExport: OpenDataExport = {
	name: 'reports_reports',
	description:
		'Problem reports (sesizări) with their place, category, department, state and legal dates; no personal data (no names, contact details or accounts).',
	columns: [
		{
			name: 'registration_number',
			description: 'Registration number, e.g. TM-2026-000123 (the Open311 id is the number).'
		},
		{ name: 'category_code', description: 'Category code (the Open311 service_code).' },
		{ name: 'category', description: 'Category name in Romanian.' },
		{ name: 'department', description: 'Slug of the city department the report is routed to.' },
		{
			name: 'state',
			description: 'new, confirmed, in_progress, fixed, closed, duplicate, not_responsible or cannot_fix.'
		},
		{ name: 'title', description: 'Short title of the problem.' },
		{ name: 'description', description: 'The problem as described (plain text).' },
		{ name: 'address', description: 'Address or landmark given for the problem, or empty.' },
		{ name: 'neighbourhood', description: 'Slug of the neighbourhood, or empty.' },
		{ name: 'latitude', description: 'Latitude of the problem (WGS 84), or empty.' },
		{ name: 'longitude', description: 'Longitude of the problem (WGS 84), or empty.' },
		{ name: 'channel', description: 'Where it came in: web, open311 or staff.' },
		{ name: 'anonymous_notice', description: 'True for a notice without identity, which gets no legal answer.' },
		{ name: 'supporters', description: 'How many people said "me too".' },
		{ name: 'registered_at', description: 'When it was registered (ISO 8601, UTC).' },
		{ name: 'due_on', description: 'Legal answer date (OG 27/2002), extended if granted; empty for notices.' },
		{ name: 'first_answered_at', description: 'When it was first answered publicly (ISO 8601), or empty.' },
		{ name: 'fixed_at', description: 'When it was marked fixed (ISO 8601), or empty.' },
		{ name: 'closed_at', description: 'When it was closed (ISO 8601), or empty.' },
		{ name: 'url', description: 'Path of the report’s public page on the site.' }
	],
	async rows(db, moduleIds) {
		const rows = (await publicReportRows(db, { moduleIds })).filter((r) => r.public);
		return rows.map(
			({ report: r, categoryCode, categoryName, departmentSlug, neighbourhoodSlug, registrationNumber, url }) => ({
				registration_number: registrationNumber,
				category_code: categoryCode,
				category: categoryName.ro,
				department: departmentSlug,
				state: r.state,
				title: r.title,
				description: r.description,
				address: r.address,
				neighbourhood: neighbourhoodSlug,
				latitude: r.lat,
				longitude: r.lng,
				channel: r.channel,
				anonymous_notice: r.anonymousNotice,
				supporters: r.supportersCount,
				registered_at: iso(r.createdAt),
				due_on: r.extendedDueOn ?? r.dueOn,
				first_answered_at: iso(r.firstAnsweredAt),
				fixed_at: iso(r.fixedAt),
				closed_at: iso(r.closedAt),
				url
			})
		);
	}
};
