import { describe, expect, it } from 'vitest';
import { modules } from '../registry.ts';
import { assertNoPersonalColumns, isPersonalColumn } from './personal-columns.ts';

describe('personal columns in open data', () => {
	it('are recognised by name', () => {
		for (const name of ['email', 'author_email', 'user_id', 'userId', 'author', 'created_by', 'phone', 'ip'])
			expect(isPersonalColumn(name), name).toBe(true);
		for (const name of ['id', 'process', 'title', 'text', 'url', 'updated_at', 'position', 'description'])
			expect(isPersonalColumn(name), name).toBe(false);
	});

	it('appear in no registered module’s export', () => {
		for (const m of modules)
			for (const e of m.exports) expect(() => assertNoPersonalColumns(m.name, e.name, e.columns)).not.toThrow();
	});
});
