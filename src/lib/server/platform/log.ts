/** The platform logger: pino, JSON lines on stdout (pretty enough to read, structured enough to ship). */
import pino, { type Logger } from 'pino';
import { config } from './config/env.ts';

let instance: Logger | undefined;
export function logger(): Logger {
	instance ??= pino({
		level: config.logLevel(),
		base: { app: 'vocea' },
		redact: ['req.headers.cookie', 'req.headers.authorization', '*.password']
	});
	return instance;
}
