/** Shared column helpers: ids, timestamps, translatable text. */
import { customType, text, timestamp } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';

/** Text written by staff, per locale. Romanian (`ro`) is authoritative and always present. */
export type Translated = { ro: string } & Partial<Record<'en' | 'hu' | 'de' | 'sr' | 'uk', string>>;

export const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => randomUUID());
export const createdAt = () => timestamp('created_at', { withTimezone: true }).defaultNow().notNull();
export const updatedAt = () =>
	timestamp('updated_at', { withTimezone: true })
		.defaultNow()
		.$onUpdate(() => new Date())
		.notNull();
export const ts = (name: string) => timestamp(name, { withTimezone: true });

export const tsvector = customType<{ data: string }>({
	dataType() {
		return 'tsvector';
	}
});
