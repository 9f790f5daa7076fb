import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const dirs: string[] = [];
const tmp = () => {
	const d = mkdtempSync(join(tmpdir(), 'vocea-lock-'));
	dirs.push(d);
	return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lockDataDir', () => {
	it('refuses a second holder while the first process is alive', () => {
		const dir = tmp();
		// Simulate another live process holding the lock: the parent of this test process.
		writeFileSync(join(dir, 'vocea.lock'), String(process.ppid));
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
	});
	it('takes over a lock left by a process that is gone', () => {
		const dir = tmp();
		writeFileSync(join(dir, 'vocea.lock'), '999999');
		const release = lockDataDir(dir);
		expect(() => lockDataDir(dir)).not.toThrow(DataDirLockedError); // same pid re-entering is allowed
		release();
	});
	it('lets the lock be taken again after release', () => {
		const dir = tmp();
		lockDataDir(dir)();
		const again = lockDataDir(dir);
		again();
	});
});
