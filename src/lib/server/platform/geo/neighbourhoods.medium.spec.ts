import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous } from '../actors/actor.ts';
import { neighbourhoods, notifications } from '../db/schema.ts';
import { follow } from '../notifications/commands/follow.ts';
import { NotFoundError } from '../result.ts';
import { seedReferenceData } from '../../seed/reference.ts';
import { notifyNeighbourhoodFollowers } from './neighbourhood-follows.ts';
import { registerNeighbourhoodItems } from './neighbourhood-items.ts';
import { viewNeighbourhood, viewNeighbourhoods } from './neighbourhood-views.ts';
import { containsPoint } from './point-in-polygon.ts';

const database = useTestDatabase();
const db = () => database().db;
const bySlug = async (slug: string) =>
	(await db().select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug)))[0];

describe('neighbourhood pages and follows', () => {
	it('pins every neighbourhood inside its own boundary', async () => {
		await seedReferenceData(db());
		const list = await viewNeighbourhoods();
		expect(list).toHaveLength(31);
		for (const n of list) {
			const row = await bySlug(n.slug);
			expect(containsPoint(row.geometry!, n.lng!, n.lat!), n.slug).toBe(true);
		}
	});

	it('is followed by a signed-in person, who then hears about new things placed there (not the author)', async () => {
		await seedReferenceData(db());
		const fabric = await bySlug('fabric');
		const reader = await person();
		const author = await person();
		await follow(reader, { resourceType: 'neighbourhood', resourceId: fabric.id });
		await follow(reader, { resourceType: 'neighbourhood', resourceId: fabric.id });
		await follow(author, { resourceType: 'neighbourhood', resourceId: fabric.id });
		await expect(follow(reader, { resourceType: 'neighbourhood', resourceId: 'missing' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect((await viewNeighbourhood(reader, 'fabric')).following).toBe(true);
		expect((await viewNeighbourhood(anonymous(), 'fabric')).following).toBe(false);
		const sent = await notifyNeighbourhoodFollowers(
			db(),
			fabric.id,
			'news_notification_published',
			{ title: { ro: 'Loc de joacă nou pe strada Ștefan cel Mare' } },
			'/neighbourhoods/fabric',
			{ except: [author.id] }
		);
		expect(sent.created).toBe(1);
		const notes = await db().select().from(notifications);
		expect(notes.map((n) => n.userId)).toEqual([reader.id]);
		expect(await notifyNeighbourhoodFollowers(db(), null, 'news_notification_published', {}, '/')).toEqual({
			created: 0,
			emailed: 0
		});
	});

	it('lists what modules registered for the neighbourhood, and 404s an unknown one', async () => {
		await seedReferenceData(db());
		const iosefin = await bySlug('iosefin');
		registerNeighbourhoodItems('proposals', async (_db, id) =>
			id === iosefin.id
				? [
						{
							id: 'p1',
							title: { ro: 'Piste de biciclete pe Bulevardul 16 Decembrie 1989' },
							url: '/x',
							lat: 45.746,
							lng: 21.204
						}
					]
				: []
		);
		const view = await viewNeighbourhood(anonymous(), 'iosefin');
		expect(view.groups).toEqual([{ kind: 'proposals', items: [expect.objectContaining({ id: 'p1' })] }]);
		expect((await viewNeighbourhood(anonymous(), 'fabric')).groups).toEqual([]);
		await expect(viewNeighbourhood(anonymous(), 'nu-exista')).rejects.toBeInstanceOf(NotFoundError);
	});
});
