/** Vitest: unit (*.spec.ts), medium (*.medium.spec.ts, real database) and e2e (tests/e2e/*.e2e.ts, Chromium) tiers. */
import { defineConfig } from 'vitest/config';

const tier = process.env.TEST_TIER; // unit | medium | e2e | undefined (unit + medium)

export default defineConfig({
	test: {
		reporters: ['default', './tests/setup/count-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					env: { LOG_LEVEL: 'silent' },
					include: ['src/**/*.spec.ts', 'packages/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
					exclude: ['**/*.medium.spec.ts', '**/node_modules/**']
				}
			},
			{
				test: {
					name: 'medium',
					env: { LOG_LEVEL: 'silent' },
					include: ['src/**/*.medium.spec.ts', 'tests/medium/**/*.medium.spec.ts'],
					globalSetup: ['./tests/setup/medium-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.ts'],
					globalSetup: ['./tests/setup/e2e-global-setup.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					hookTimeout: 180_000,
					// expect.poll waits for a page's answer; the default second is too short for a form post on a busy
					// machine (CI runs everything on two cores), and a poll that passes returns at once anyway.
					expect: { poll: { timeout: 15_000, interval: 100 } }
				}
			}
		].filter((p) => !tier || (tier === 'unit+medium' ? p.test.name !== 'e2e' : p.test.name === tier))
	}
});
