/** drizzle-kit: generates SQL migrations into drizzle/ from the platform's and the modules' schema files. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: ['./src/lib/server/platform/db/schema/*.ts', './src/lib/server/modules/*/schema.ts'],
	out: './drizzle',
	casing: 'snake_case',
	strict: true,
	verbose: true
});
