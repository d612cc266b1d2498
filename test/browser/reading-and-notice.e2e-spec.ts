import type { Browser } from 'playwright-core';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/start-app';
import {
  BUILD_TIMEOUT_MS,
  type BrowserSession,
  openContext,
  screenshot,
  signIn,
  startBrowserSession,
} from './browser-harness';

describe('Web client: reading signed out, reconnecting, and a changed notice', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('a visitor on a phone-sized screen reads a public forum and topic signed out, without sideways scrolling', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, { name: 'Acme Phone App' });
    const author = await registerAuthor(api);
    await createTopic(api, author, forum.slug, {
      title: 'Dark mode on Android 14',
      body: 'Is there a way to follow the **system theme**? A very long word: supercalifragilisticexpialidocious-and-more.',
    });

    const { context, page, errors } = await openContext(browser, api, { width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('link', { name: 'Acme Phone App' }).click();
    await page.getByRole('link', { name: 'Dark mode on Android 14' }).click();
    await page.getByText('system theme').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.getByText('to reply.').waitFor();
    await screenshot(page, 'topic-phone-signed-out');
    // A string, evaluated in the page: this file is compiled without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox', { name: 'Search posts and titles' }).fill('system theme');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Dark mode on Android 14' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a two-word search finds a post holding both words apart, marks them, and filters by forum', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, { name: 'Widget Cloud' });
    const other = await createForum(api, admin, { name: 'Widget Desktop' });
    const author = await registerAuthor(api);
    await createTopic(api, author, forum.slug, {
      title: 'Export question',
      body: 'Our **invoices** come out fine, but the exported spreadsheet has every date shifted by a day.',
    });
    await createTopic(api, author, other.slug, {
      title: 'Invoice spreadsheets on desktop',
      body: 'Same here with an invoice spreadsheet.',
    });
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { context, page, errors } = await openContext(browser, api, viewport);
      await page.goto('/search');
      await page.getByRole('searchbox', { name: 'Search posts and titles' }).fill('invoice spreadsheet');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Export question' }).waitFor();
      await page.getByRole('link', { name: 'Invoice spreadsheets on desktop' }).waitFor();
      const marked = await page.locator('.search-hits li', { hasText: 'Export question' }).locator('mark');
      expect(await marked.allTextContents()).toEqual(['invoices', 'spreadsheet']);
      await page.getByLabel('Forum').selectOption({ label: 'Widget Cloud' });
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/forum=/);
      // The list goes from both hits to none (loading) to the one: only the filtered answer has one item.
      // (Polled from here: the page's CSP refuses waitForFunction's string predicates.)
      const hits = page.locator('.search-hits li');
      for (let tries = 0; (await hits.count()) !== 1; tries += 1) {
        if (tries > 100) throw new Error(`the filtered search still lists ${await hits.count()} hits`);
        await new Promise((done) => setTimeout(done, 100));
      }
      expect(await page.locator('.search-hits li').innerText()).toContain('Export question');
      await screenshot(page, `search-${viewport.width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a reader who loses the connection sees it said, and gets the replies written meanwhile once back online', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, { title: 'Outage on Tuesday' });

    const { context, page, errors } = await openContext(browser, api);
    await page.goto(`/t/${topic.id}`);
    await page.locator('[data-state="connected"]').waitFor();
    await context.setOffline(true);
    await page.locator('[data-state="reconnecting"], [data-state="offline"]').first().waitFor();
    await reply(api, author, topic.id, 'Written while you were away: the fix is deployed.');
    await context.setOffline(false);
    await page.locator('[data-state="connected"]').waitFor();
    await page.locator('.post', { hasText: 'Written while you were away' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after an admin publishes a new notice, a member who had acknowledged the old one is asked again before posting', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const member = await registerAuthor(api);
    const topic = await createTopic(api, member, forum.slug, { title: 'Notice changes' });

    const m = await openContext(browser, api);
    await signIn(m.context, member);
    await m.page.goto(`/t/${topic.id}`);
    await m.page.getByRole('textbox', { name: 'Your reply (Markdown)' }).waitFor();

    const a = await openContext(browser, api);
    await signIn(a.context, admin);
    await a.page.goto('/admin/notice');
    const editor = a.page.getByLabel('Text (Markdown, 20 to 20,000 characters)');
    await a.page.getByText('Version 1,').waitFor();
    await editor.fill(
      '## Everything here is public\n\nSearch engines index these forums. Version two adds this line.',
    );
    await a.page.getByRole('button', { name: 'Publish a new version' }).click();
    await a.page.getByText('Version 2 published').waitFor();

    await m.page.getByRole('textbox', { name: 'Your reply (Markdown)' }).fill('Thanks for the update.');
    await m.page.getByRole('button', { name: 'Post reply' }).click();
    const dialog = m.page.getByRole('alertdialog', { name: 'Before you post: this is a public area' });
    await dialog.getByText('Version two adds this line.').waitFor();
    await dialog.getByText('Notice version 2').waitFor();
    await dialog.getByRole('button', { name: 'I understand, continue' }).click();
    await m.page.locator('.post', { hasText: 'Thanks for the update.' }).waitFor();
    expect([...m.errors, ...a.errors]).toEqual([]);
    await m.context.close();
    await a.context.close();
  });
});
