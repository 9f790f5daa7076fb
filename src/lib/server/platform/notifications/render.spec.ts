import { describe, expect, it } from 'vitest';
import { hasMessage, isEmailMode, notificationText, paramsFor } from './render.ts';

describe('notification texts', () => {
	it("turn translated fields into the recipient's language, falling back to Romanian", () => {
		const data = { title: { ro: 'Parcul Rozelor', de: 'Rosenpark' }, count: 3, name: 'Ana' };
		expect(paramsFor(data, 'de')).toEqual({ title: 'Rosenpark', count: 3, name: 'Ana' });
		expect(paramsFor(data, 'hu')).toEqual({ title: 'Parcul Rozelor', count: 3, name: 'Ana' });
	});

	it('render a message key in a locale', () => {
		expect(notificationText('notifications_resource_updated', { title: { ro: 'Piața', en: 'The square' } }, 'en')).toBe(
			'“The square” was updated.'
		);
		expect(notificationText('notifications_resource_updated', { title: 'Piața' }, 'xx')).toBe(
			'„Piața” a fost actualizat.'
		);
		expect(hasMessage('notifications_resource_updated')).toBe(true);
		expect(hasMessage('nope_nope')).toBe(false);
	});

	it('know the e-mail modes', () => {
		expect(['instant', 'digest', 'off', 'weekly'].map(isEmailMode)).toEqual([true, true, true, false]);
	});
});
