/** Every platform table (modules keep theirs in their own folder; see drizzle.config.ts). */
export * from './schema/auth.ts';
export * from './schema/people.ts';
export * from './schema/spaces.ts';
export * from './schema/platform.ts';
export * from './schema/links.ts';
export * from './schema/comments.ts';
