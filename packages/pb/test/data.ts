/** Locates ../shared/data/pabulib (beside the clone) or PABULIB_DIR. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PABULIB_DIR =
	process.env.PABULIB_DIR ?? fileURLToPath(new URL('../../../../shared/data/pabulib/', import.meta.url));
export const hasData = existsSync(PABULIB_DIR + 'pabulib_files');

export function pbFiles(): { name: string; path: string }[] {
	if (!hasData) return [];
	const out: { name: string; path: string }[] = [];
	for (const dir of ['pabulib_files', 'pabutools_tests'])
		for (const f of readdirSync(PABULIB_DIR + dir).sort())
			if (f.endsWith('.pb')) out.push({ name: `${dir}/${f}`, path: `${PABULIB_DIR}${dir}/${f}` });
	return out;
}

export function readText(path: string): string {
	return readFileSync(path, 'utf8');
}
