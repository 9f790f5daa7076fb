/**
 * The census identifier hash (documented in docs/verification.md): SHA-256 over `salt + ":" + normalised identifier`,
 * lower-case hex. Normalising: Unicode NFKC, upper case, spaces, hyphens, dots and slashes removed. The salt is
 * CENSUS_SALT, shared with whoever prepares the census file; raw identifiers are never stored.
 */
import { createHash } from 'node:crypto';
import { isProduction } from '../config/env.ts';

export function normalizeIdentifier(identifier: string): string {
	return identifier
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\-./]/g, '');
}

export function censusHash(identifier: string, salt: string): string {
	return createHash('sha256')
		.update(`${salt}:${normalizeIdentifier(identifier)}`, 'utf8')
		.digest('hex');
}

/** Used only outside production, so the demo works out of the box; production must set CENSUS_SALT. */
export const DEVELOPMENT_CENSUS_SALT = 'vocea-development-census-salt';

export function censusSalt(): string | null {
	const salt = process.env.CENSUS_SALT;
	if (salt) return salt;
	return isProduction() ? null : DEVELOPMENT_CENSUS_SALT;
}
