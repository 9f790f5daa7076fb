/**
 * Whether the e2e test hooks (`/test-hooks/*`: read the outbox, inject notifications and search documents) answer.
 * They would let anyone read every e-mail the platform sent, so the flag alone is not enough: they also need the
 * embedded database and demo mode, which a production deployment on PostgreSQL never has. NODE_ENV is not used,
 * because the e2e server runs the production build.
 */
import { isEmbedded } from '../db/index.ts';
import { isDemo } from './env.ts';

export function testHooksEnabled(): boolean {
	return process.env.VOCEA_TEST_HOOKS === '1' && isEmbedded() && isDemo();
}
