/** The heading of a group of search results: `search_kind_<resource type>` in the locale, or a generic one. */
import { messageByKey } from '../i18n.ts';

export function searchKindLabel(kind: string, locale: string): string {
	const key = `search_kind_${kind.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
	const text = messageByKey(key, locale);
	return text === key ? messageByKey('search_kind_other', locale) : text;
}
