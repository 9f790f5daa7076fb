import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, latestMessage, useBrowser, visit, waitForHydration } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
// Seeded demo citizens (the e2e server runs with demo data) and a discussion served by the test hooks.
const password = 'vocea-demo-2026';
const writer = 'miriam.schneider@demo.vocea.local';
const reporter = 'ana.popescu@demo.vocea.local';
const thread = `/test-hooks/comments/${randomUUID()}`;
const spam = 'Cumpărați pastile minune de pe https://pastile.example acum';

async function signIn(page: Page, email: string, next: string) {
	await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
	await waitForHydration(page);
	await page.fill('main input[name=email]', email);
	await page.fill('main input[name=password]', password);
	await page.locator('main form button[type=submit]').first().click();
	await page.waitForURL((url) => url.pathname === next);
}

describe('a moderator hides a reported comment', () => {
	it('a citizen reports a comment, the moderator hides it with a reason, readers see a placeholder, the author is told', async () => {
		// A citizen writes an advertisement in a discussion (JavaScript off: plain forms).
		const author = await open({ javaScriptEnabled: false });
		await signIn(author.page, writer, thread);
		await visit(author.page, thread);
		await author.page.getByLabel('Împotrivă').check();
		await author.page.getByLabel('Comentariul tău').fill(spam);
		await author.page.getByRole('button', { name: 'Publică comentariul' }).click();
		await author.page.waitForURL(/#comment-/);
		const comment = author.page.locator('article.comment').first();
		await expect.poll(() => comment.innerText()).toContain('pastile minune');
		expect(await comment.getByRole('link', { name: 'https://pastile.example' }).getAttribute('rel')).toContain(
			'nofollow'
		);
		// The reply form is shown on demand, for that one comment, without JavaScript.
		expect(await author.page.getByLabel('Răspunsul tău').count()).toBe(0);
		await comment.getByRole('link', { name: /^Răspunde/ }).click();
		await author.page.waitForURL(/\?reply=.+#comment-/);
		await expect.poll(() => author.page.getByLabel('Răspunsul tău').count()).toBe(1);
		await expectAccessible(author.page);
		await author.context.close();

		// Another citizen reports it as offensive.
		const citizen = await open();
		await signIn(citizen.page, reporter, thread);
		await waitForHydration(citizen.page);
		// The thread as a signed-in reader sees it: votes, reply, report.
		await expectAccessible(citizen.page);
		await citizen.page
			.locator('main article.comment')
			.getByRole('button', { name: /Vot pozitiv/ })
			.click();
		await citizen.page.waitForURL(/#comment-/);
		await expect
			.poll(() =>
				citizen.page
					.locator('main article.comment')
					.getByRole('button', { name: /Vot pozitiv/ })
					.getAttribute('aria-pressed')
			)
			.toBe('true');
		await citizen.page
			.locator('main article.comment')
			.getByRole('link', { name: /^Raportează/ })
			.click();
		await citizen.page.waitForURL(/\/report\?returnTo=/);
		await visit(citizen.page, citizen.page.url());
		await citizen.page.getByRole('button', { name: 'Trimite raportarea' }).click();
		await expect.poll(() => citizen.page.locator('.error-summary').innerText()).toContain('Alege motivul raportării');
		await citizen.page.getByLabel('Jignitor, discriminatoriu sau ilegal').check();
		await citizen.page.getByLabel('Detalii (opțional)').fill('Reclamă la medicamente');
		await citizen.page.getByRole('button', { name: 'Trimite raportarea' }).click();
		await expect
			.poll(() => citizen.page.getByRole('heading', { level: 1 }).innerText())
			.toBe('Mulțumim, am primit raportarea');
		await citizen.page.getByRole('link', { name: 'Înapoi la discuție' }).click();
		await citizen.page.waitForURL((url) => url.pathname === thread);
		await expect
			.poll(() => citizen.page.locator('main article.comment').innerText())
			.toContain('Ai raportat acest comentariu.');

		// The moderator (an administrator with two-factor sign-in) finds it in the queue with the reason, and hides it.
		const moderator = await open();
		await signInAsAdmin(moderator.page, { next: '/admin/moderation' });
		await visit(moderator.page, '/admin/moderation');
		const item = moderator.page.locator('.queue > li', { hasText: 'pastile minune' });
		await expect.poll(() => item.innerText()).toContain('Jignitor, discriminatoriu sau ilegal: Reclamă la medicamente');
		await item.getByRole('link', { name: /^Deschide/ }).click();
		await moderator.page.waitForURL(/\/comments\/[^/]+\/moderate$/);
		await visit(moderator.page, moderator.page.url());
		await moderator.page.getByRole('button', { name: 'Ascunde comentariul' }).click();
		await expect.poll(() => moderator.page.locator('.error-summary').innerText()).toContain('Scrie motivul');
		await moderator.page.getByLabel('Motivul (autorul îl va vedea)').fill('Reclamă, nu are legătură cu discuția');
		await moderator.page.getByRole('button', { name: 'Ascunde comentariul' }).click();
		await expect
			.poll(() => moderator.page.locator('.notice.success').innerText())
			.toBe('Comentariul a fost ascuns, iar autorul a fost anunțat.');
		await moderator.context.close();

		// Readers see a placeholder instead of the text.
		const visitor = await open();
		await visit(visitor.page, thread);
		const hidden = visitor.page.locator('main article.comment');
		await expect.poll(() => hidden.innerText()).toContain('Comentariu ascuns de moderatori.');
		expect(await visitor.page.locator('main').innerText()).not.toContain('pastile');
		await visitor.context.close();
		await citizen.context.close();

		// The author is told why, in their language (German).
		const mail = await latestMessage(writer);
		expect(mail.text).toContain('Reclamă, nu are legătură cu discuția');
		expect(mail.text).toContain('ausgeblendet');
	});
});
