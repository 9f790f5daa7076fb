/** Migrates the database, seeds demo data on the first run and ensures the administrator account exists. */
import { closeDatabase, getDatabase } from '../src/lib/server/platform/db/index.ts';

export async function prepare({ origin }: { origin: string }) {
	const database = await getDatabase();
	try {
		const { seedIfEmpty } = await import('../src/lib/server/seed/index.ts');
		const summary = await seedIfEmpty(database.db, { demo: process.env.SEED_DEMO !== '0' });
		const { ensureAdministrator } = await import('../src/lib/server/seed/administrator.ts');
		const admin = await ensureAdministrator(database.db);
		console.log('');
		console.log(`  Vocea is starting on ${origin}`);
		if (summary.seeded) console.log(`  Demo data created: ${summary.description}`);
		console.log(`  Sign in as the administrator at ${origin}/account/sign-in`);
		console.log(`    e-mail:   ${admin.email}`);
		if (admin.generatedPassword)
			console.log(`    password: ${admin.generatedPassword}   (generated now and shown only once)`);
		else if (admin.created) console.log('    password: the one in ADMIN_PASSWORD');
		else console.log('    password: unchanged (set when the account was created)');
		if (database.kind === 'pglite')
			console.log(
				'  Embedded database (PGlite) under ./data: for trying Vocea and small pilots. For production set DATABASE_URL=postgres://…'
			);
		console.log('');
	} finally {
		await closeDatabase();
	}
}
