/** Migrates the database, ensures the administrator account exists and seeds data on the first run. */
import { closeDatabase, getDatabase } from '../src/lib/server/platform/db/index.ts';

export async function prepare({ origin }: { origin: string }) {
	const database = await getDatabase();
	try {
		const { ensureAdministrator } = await import('../src/lib/server/seed/administrator.ts');
		const admin = await ensureAdministrator(database.db);
		// Print the credentials before seeding, so a generated password is never lost to a later failure.
		console.log('');
		console.log(`  Vocea on ${origin}`);
		console.log(`  Sign in as the administrator at ${origin}/account/sign-in`);
		console.log(`    e-mail:   ${admin.email}`);
		if (admin.generatedPassword)
			console.log(`    password: ${admin.generatedPassword}   (generated now and shown only once)`);
		else if (admin.created) console.log('    password: the one in ADMIN_PASSWORD');
		else console.log('    password: unchanged (set when the account was created)');
		console.log('    Administrators must turn on two-factor sign-in (an authenticator app) at first sign-in.');
		const { seedIfEmpty } = await import('../src/lib/server/seed/index.ts');
		const summary = await seedIfEmpty(database.db, { demo: process.env.SEED_DEMO !== '0', adminId: admin.id });
		if (summary.seeded) console.log(`  Data created: ${summary.description}`);
		if (summary.demoPassword)
			console.log(
				`  Demo citizens (e.g. ana.popescu@demo.vocea.local) sign in with the password ${summary.demoPassword}`
			);
		if (database.kind === 'pglite')
			console.log(
				'  Embedded database (PGlite) under ./data: for trying Vocea and small pilots. For production set DATABASE_URL=postgres://…'
			);
		console.log('');
	} finally {
		await closeDatabase();
	}
}
