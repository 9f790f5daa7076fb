/**
 * Reports as the first step of chains (report → proposal → budget idea → funded project → built): how a report
 * shows in a chain, and the chain of a report for its page. Registered at import time by the manifest.
 */
import { getDb } from '../../platform/db/index.ts';
import { registerChainStep, resourceChain, type ChainStep } from '../../platform/links/chain.ts';
import { publicReportRows } from './public-reports.ts';

export const REPORT_CHAIN_ORDER = 10;

registerChainStep('report', {
	order: REPORT_CHAIN_ORDER,
	labelKey: 'reports_insights_chain_report',
	async describe(db, ids) {
		const rows = (await publicReportRows(db, { ids })).filter((r) => r.public);
		return new Map(
			rows.map((r) => [
				r.report.id,
				[
					{
						resourceType: 'report',
						resourceId: r.report.id,
						labelKey: 'reports_insights_chain_report',
						stateKey: `reports_insights_state_${r.report.state}`,
						title: `${r.registrationNumber} ${r.report.title}`,
						url: r.url,
						at: r.report.createdAt
					}
				]
			])
		);
	}
});

/** The chain a report is part of (empty when it was never promoted): for the `<ResourceChain>` on the report pages. */
export async function reportChain(reportId: string): Promise<ChainStep[]> {
	return resourceChain(await getDb(), { resourceType: 'report', resourceId: reportId });
}
