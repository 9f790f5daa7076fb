/** The explicit list of participation modules (no auto-discovery): adding a module is one line here. */
import type { AnyModule } from './platform/modules/define-module.ts';
import { pages } from './modules/pages/index.ts';

export const modules: AnyModule[] = [pages];

export function findModule(name: string): AnyModule | undefined {
	return modules.find((m) => m.name === name);
}
