/** The explicit list of participation modules (no auto-discovery): adding a module is one line here. */
import type { AnyModule } from './platform/modules/define-module.ts';
import { pages } from './modules/pages/index.ts';
import { news } from './modules/news/index.ts';
import { proposals } from './modules/proposals/index.ts';
import { surveys } from './modules/surveys/index.ts';
import { consultations } from './modules/consultations/index.ts';
import { meetings } from './modules/meetings/index.ts';
import { budgets } from './modules/budgets/index.ts';
import { reports } from './modules/reports/index.ts';

export const modules: AnyModule[] = [pages, news, proposals, surveys, consultations, meetings, budgets, reports];

export function findModule(name: string): AnyModule | undefined {
	return modules.find((m) => m.name === name);
}
