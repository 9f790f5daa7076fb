/** An exclusive lock on the embedded data folder: PGlite has none, and two processes on one folder lose writes. */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
	constructor(dir: string, pid: number) {
		super(
			`The embedded database in ${dir} is already in use by process ${pid}. ` +
				'Only one Vocea process may open it. Stop the other process, or use PostgreSQL (set DATABASE_URL) to run several.'
		);
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process is taken over. Returns the release. */
export function lockDataDir(dir: string): () => void {
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'vocea.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(file, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				rmSync(file, { force: true });
				process.off('exit', release);
			};
			process.on('exit', release);
			return release;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(file, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
			rmSync(file, { force: true }); // stale: its process is gone
		}
	}
	throw new Error(`Could not lock ${dir}`);
}
