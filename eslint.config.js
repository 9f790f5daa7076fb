// ESLint flat config: typescript-eslint + svelte, zero warnings, and the architecture's boundaries as rules.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'data/', 'drizzle/'] },
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
	{
		// The platform core never imports a participation module.
		files: ['src/lib/server/platform/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/server/modules/**', '#lib/server/modules/**', '#lib/server/registry*'],
							message: 'platform/** must not import modules/** (ARCHITECTURE.md rule 6).'
						}
					]
				}
			]
		}
	},
	{
		// Svelte files and routes never touch the database directly.
		files: ['src/**/*.svelte', 'src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'drizzle-orm',
							message: 'Routes and components call $lib/server commands and queries; SQL lives there.'
						}
					]
				}
			]
		}
	}
);
