/** The one list of report states: open and closed split it, and the public filter offers each choice once. */
import { describe, expect, it } from 'vitest';
import { closedStates, isOpen, openStates, reportStateFilters, reportStates } from './states.ts';
import * as server from '../../server/modules/reports/rules.ts';
import { OPEN_STATES_SQL, reportStates as schemaStates } from '../../server/modules/reports/schema.ts';

describe('report states', () => {
	it('splits every state into open or closed, once', () => {
		expect([...openStates, ...closedStates].sort()).toEqual([...reportStates].sort());
		expect(openStates.filter((s) => closedStates.includes(s))).toEqual([]);
		expect(reportStates.filter(isOpen)).toEqual(['new', 'confirmed', 'in_progress']);
	});

	it('offers all open, all closed and each other state once in the public filter', () => {
		expect(reportStateFilters.slice(0, 2)).toEqual(['open', 'closed']);
		expect(new Set(reportStateFilters).size).toBe(reportStateFilters.length);
		expect([...reportStateFilters.slice(2), 'closed'].sort()).toEqual([...reportStates].sort());
	});

	it('is the list the server module uses (schema, rules and the partial indexes’ SQL)', () => {
		expect(schemaStates).toBe(reportStates);
		expect(server.openStates).toBe(openStates);
		expect(server.closedStates).toBe(closedStates);
		// The literal the partial indexes were declared with in the migrations.
		expect(OPEN_STATES_SQL).toBe("('new', 'confirmed', 'in_progress')");
	});
});
