/** Names of answer states in every locale: built-in ones from the messages, custom ones as staff wrote them. */
import { locales } from '#lib/i18n/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { messageByKey } from '../../platform/i18n.ts';

export const stateKey = (state: string) => `proposals_state_${state}`;

/** A state's name per locale (a notification shows it in each recipient's language). */
export function stateName(state: string, custom?: { name: Translated } | null): Translated {
	if (state === 'custom' && custom) return custom.name;
	return Object.fromEntries(locales.map((l) => [l, messageByKey(stateKey(state), l)])) as Translated;
}
