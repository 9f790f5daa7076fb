import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, openApiPath, renderOpenApi } from './generate-openapi.ts';

describe('the committed OpenAPI description', () => {
	it('is up to date with the zod schemas (run `node scripts/generate-openapi.ts` and commit)', async () => {
		expect(readFileSync(openApiPath, 'utf8')).toBe(await renderOpenApi());
	});

	it('is OpenAPI 3.1 with every $ref resolvable', () => {
		const doc = buildOpenApi();
		expect(doc.openapi).toBe('3.1.0');
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
		expect(refs.length).toBeGreaterThan(0);
		for (const id of refs) expect(doc.components.schemas, id).toHaveProperty(id);
		// Other endpoints add their paths; these are the processes API's.
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/processes', '/processes/{id}', '/openapi.json']));
	});
});
