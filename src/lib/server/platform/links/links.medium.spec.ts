import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { linkResources, linksOf, unlinkResources } from './index.ts';

const database = useTestDatabase();
const db = () => database().db;

const proposal = { resourceType: 'proposal', resourceId: 'p1' };
const meeting = { resourceType: 'meeting', resourceId: 'm1' };
const project = { resourceType: 'budget_project', resourceId: 'b1' };

describe('resource links', () => {
	it('are read from both ends, and linking twice (even concurrently) writes one link', async () => {
		const results = await Promise.all([
			linkResources(db(), proposal, meeting, 'discussed_at', { createdBy: 'u1' }),
			linkResources(db(), proposal, meeting, 'discussed_at', { createdBy: 'u1' })
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
		await linkResources(db(), proposal, project, 'became');

		const ofProposal = await linksOf(db(), proposal);
		expect(ofProposal.map((l) => [l.kind, l.direction, l.other])).toEqual([
			['discussed_at', 'outgoing', meeting],
			['became', 'outgoing', project]
		]);
		const ofMeeting = await linksOf(db(), meeting);
		expect(ofMeeting).toMatchObject([
			{ kind: 'discussed_at', direction: 'incoming', other: proposal, createdBy: 'u1' }
		]);
		expect(await linksOf(db(), proposal, { kind: 'became' })).toHaveLength(1);
	});

	it('are removed by kind and direction only', async () => {
		await linkResources(db(), proposal, meeting, 'discussed_at');
		expect(await unlinkResources(db(), meeting, proposal, 'discussed_at')).toBe(false);
		expect(await unlinkResources(db(), proposal, meeting, 'other')).toBe(false);
		expect(await unlinkResources(db(), proposal, meeting, 'discussed_at')).toBe(true);
		expect(await linksOf(db(), meeting)).toEqual([]);
	});
});
