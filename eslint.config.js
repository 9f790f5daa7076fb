// ESLint flat config: typescript-eslint + svelte, zero warnings, and the architecture's boundaries as rules.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** A module's internals (anything but its index.ts), by alias or by relative path from elsewhere in src/lib/server. */
const moduleInternals = {
	regex: String.raw`(^|/)server/modules/[^/]+/(?!index\.ts$).+|^\.{1,2}/(\.\./)*modules/[^/]+/(?!index\.ts$).+`,
	message: 'Import a module only through modules/<name>/index.ts (ARCHITECTURE.md rule 6).'
};
/** What platform/** must not reach: modules, the registry, the job wiring and the orchestration that uses them. */
const platformOutsideRegex = String.raw`/(^|\/)server\/modules\/|^(\.\.\/)+modules\/[^\/]+\/|(^|\/)(registry|jobs)\.ts$|(^|\/)(spaces-runtime|gdpr)\//`;
const platformOutside = [
	{
		regex: platformOutsideRegex.slice(1, -1),
		message: 'platform/** must not import modules/**, registry.ts, jobs.ts or their users (ARCHITECTURE.md rule 6).'
	}
];

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'packages/*/dist/',
			'node_modules/',
			'src/lib/paraglide/',
			'data/',
			'drizzle/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs['flat/recommended'],
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			eqeqeq: ['error', 'smart'],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// Boundaries (ARCHITECTURE.md rule 6). Flat config replaces a rule's options per file instead of merging them, so
	// each group below lists every import restriction that applies to its files; later groups override earlier ones.
	{
		// Outside its own folder a module is reached only through its public surface, modules/<name>/index.ts (the
		// registry imports that too). Tests may look inside (they assert on a module's tables).
		files: ['src/**/*.ts', 'src/**/*.svelte', 'scripts/**/*.ts', 'bench/**/*.ts'],
		ignores: ['src/lib/server/modules/**', '**/*.spec.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals] }] }
	},
	{
		// Svelte files and routes never touch the database directly: they call services and queries that do.
		files: ['src/**/*.svelte', 'src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'drizzle-orm',
							message: 'Routes and components call $lib/server commands and queries; SQL lives there.'
						},
						{
							name: '#lib/server/platform/db/index.ts',
							importNames: ['getDb', 'getDatabase', 'useDatabase'],
							message: 'Routes never hold the database handle: call a service or query that takes the actor.'
						}
					],
					patterns: [moduleInternals]
				}
			]
		}
	},
	{
		// The platform core never imports a participation module, the registry, or code that reaches them (the job
		// wiring, spaces-runtime, GDPR orchestration): what it needs from them is passed in as a parameter.
		files: ['src/lib/server/platform/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: platformOutside }],
			'no-restricted-syntax': [
				'error',
				{
					selector: `ImportExpression[source.value=${platformOutsideRegex}]`,
					message: 'platform/** must not import modules, the registry or their users, not even dynamically.'
				}
			]
		}
	}
);
