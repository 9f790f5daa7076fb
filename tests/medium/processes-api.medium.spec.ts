/** The processes API with modules mounted: counts from the manifests' statistics, and lookup by id or slug. */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../setup/database.ts';
import { person, processWithThreePhases } from '../support/spaces.ts';
import { createNewsPost, news } from '../../src/lib/server/modules/news/index.ts';
import { pages } from '../../src/lib/server/modules/pages/index.ts';
import { modules } from '../../src/lib/server/registry.ts';
import { publishProcessAndModules } from '../../src/lib/server/spaces-runtime/admin.ts';
import { NotFoundError } from '../../src/lib/server/platform/result.ts';
import { configureModule } from '../../src/lib/server/platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../src/lib/server/platform/spaces/commands/mount-module.ts';
import { processForApi, processListForApi } from '../../src/lib/server/platform/spaces/api.ts';

useTestDatabase();

const announcement = (ro: string, publish: 'now' | 'draft' = 'now') => ({
	title: { ro },
	body: { ro: 'Text' },
	imageAlt: { ro: '' },
	publish
});

describe('the processes API with modules', () => {
	it('gives each public module its statistics and the process their sum, by id or by slug', async () => {
		const admin = await person(['admin']);
		const { spaceId, slug } = await processWithThreePhases(admin);
		const mount = async (manifest: typeof news | typeof pages, title: string, published: boolean) => {
			const r = await mountModule(admin, { spaceId, manifest }, { title: { ro: title } });
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			await configureModule(
				admin,
				{ spaceId, moduleId: r.value.id, manifest },
				{ title: { ro: title }, published, settings: {}, phaseSettings: {}, requiredVerifications: {} }
			);
			return r.value.id;
		};
		const first = await mount(news, 'Noutăți', true);
		const second = await mount(news, 'Comunicate', true);
		await publishProcessAndModules(admin, spaceId);
		await createNewsPost(admin, { moduleId: first }, announcement('Unu'));
		await createNewsPost(admin, { moduleId: first }, announcement('Doi'));
		await createNewsPost(admin, { moduleId: first }, announcement('Ciornă', 'draft'));
		await createNewsPost(admin, { moduleId: second }, announcement('Trei'));
		// Mounted after publication and left unpublished: neither listed nor counted.
		await mount(news, 'Ascuns', false);

		const bySlug = await processForApi(slug, 'ro', new Date(), modules);
		expect(bySlug.data.modules.map((m) => [m.kind, m.title, m.counts])).toEqual([
			['news', 'Noutăți', { news_published: 2 }],
			['news', 'Comunicate', { news_published: 1 }]
		]);
		expect(bySlug.data.counts).toEqual({ phases: 3, modules: 2, news_published: 3 });
		const byId = await processForApi(spaceId, 'ro', new Date(), modules);
		expect(byId.data).toEqual(bySlug.data);

		const list = await processListForApi(null, new Date(), modules);
		expect(list.data.map((p) => [p.slug, p.counts])).toEqual([[slug, { phases: 3, modules: 2, news_published: 3 }]]);
		await expect(processForApi('nu-exista', null, new Date(), modules)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('does not find a draft by its id either', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		await expect(processForApi(spaceId, null, new Date(), modules)).rejects.toBeInstanceOf(NotFoundError);
	});
});
