/** `npm run prepare-db`: migrations, the administrator and first-run data, without starting the server (one node of many). */
import { prepare } from './prepare.ts';

const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? '3000'}`;
await prepare({ origin });
