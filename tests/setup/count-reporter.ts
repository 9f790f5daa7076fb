/** Prints the closing line `N passed, M failed[, K skipped]` and appends the counts to COUNT_FILE when set. */
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
	onTestRunEnd(mods: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<unknown>) {
		let passed = 0,
			failed = 0,
			skipped = 0;
		for (const m of mods) {
			const tests = [...m.children.allTests()];
			for (const t of tests) {
				const s = t.result().state;
				if (s === 'passed') passed++;
				else if (s === 'failed') failed++;
				else if (s === 'skipped') skipped++;
			}
			if (m.state() === 'failed' && tests.every((t) => t.result().state !== 'failed')) failed++; // file or hook failed
		}
		failed += unhandled.length;
		if (process.env.COUNT_FILE)
			appendFileSync(process.env.COUNT_FILE, JSON.stringify({ passed, failed, skipped }) + '\n');
		process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
	}
}
