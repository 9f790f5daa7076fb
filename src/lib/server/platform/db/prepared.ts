/** Queries built once per database and prepared: on a hot path drizzle's query building costs more than the query. */
import type { Db } from './index.ts';

/**
 * `build(db)` runs once per database object (so tests with their own databases get their own) and should end in
 * `.prepare('a_unique_name')` with `sql.placeholder(…)` for the values. Use it with the pool, not a transaction.
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Db) => T {
	const byDb = new WeakMap<Db, T>();
	return (db) => {
		let query = byDb.get(db);
		if (!query) byDb.set(db, (query = build(db)));
		return query;
	};
}
