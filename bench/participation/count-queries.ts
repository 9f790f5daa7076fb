/**
 * Preloaded into the benchmarked server (`node --import`): counts the SQL statements sent through `pg` (every
 * statement, BEGIN/COMMIT included) and answers the running count over the IPC channel, so the benchmark can
 * report statements per request; after a 'trace' message it also keeps their text and parameters until the next count.
 * Costs one integer increment per statement.
 */
import pg from 'pg';

let statements = 0;
let trace: { text: string; values: unknown[] }[] | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
	statements++;
	if (trace) {
		const q = args[0] as string | { text?: string; values?: unknown[] };
		const values = (typeof q === 'object' && q?.values) || (Array.isArray(args[1]) ? args[1] : []);
		trace.push({ text: typeof q === 'string' ? q : (q?.text ?? String(q)), values });
	}
	return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

if (process.send) {
	process.on('message', (message) => {
		if (message === 'trace') trace = [];
		if (message === 'statements') {
			process.send!({ statements, texts: trace ?? [] });
			trace = null;
		}
	});
	// The channel must not keep the server alive after SIGTERM (adapter-node waits for the event loop to empty).
	process.channel?.unref();
}
