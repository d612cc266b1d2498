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

describe('Web client: a topic kept live (likes, the solved answer, the connection badge)', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('a like and a solved mark by one member appear for a second browser without a reload', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const asker = await registerAuthor(api);
    const helper = await registerAuthor(api);
    const topic = await createTopic(api, asker, forum.slug, {
      title: 'Sync stops at 1000 rows',
      body: 'Every sync stops at row 1000.',
    });
    await reply(api, helper, topic.id, 'Turn off **batching** in the sync settings.');

    const a = await openContext(browser, api);
    await signIn(a.context, asker);
    await a.page.goto(`/t/${topic.id}`);
    const b = await openContext(browser, api, { width: 390, height: 844 });
    await b.page.goto(`/t/${topic.id}`);
    await a.page.locator('[data-state="connected"]').waitFor();
    await b.page.locator('[data-state="connected"]').waitFor();

    await a.page.locator('#post-2').getByRole('button', { name: 'Like, 0 so far' }).click();
    await b.page.locator('#post-2').getByRole('button', { name: 'Like, 1 so far' }).waitFor();

    await a.page.locator('#post-2').getByRole('button', { name: 'Mark as solution' }).click();
    const solution = b.page.getByRole('region', { name: 'Solution' });
    await solution.getByText('Turn off batching in the sync settings.').waitFor();
    await b.page.locator('#post-2').getByText('✓ Solution').waitFor();
    await screenshot(b.page, 'topic-solved-live-390');
    await screenshot(a.page, 'topic-solved-live-1280');
    await a.page.setViewportSize({ width: 1280, height: 900 });
    await a.page.goto(`/f/${forum.slug}`);
    await a.page
      .locator('.topic-row', { hasText: 'Sync stops at 1000 rows' })
      .getByText('✓ solved')
      .waitFor();
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('the connection badge says Offline while the network is gone and Live again by itself when it returns', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug);
    const { context, page, errors } = await openContext(browser, api);
    await page.goto(`/t/${topic.id}`);
    const badge = page.getByRole('status').filter({ hasText: /Live|Offline|Reconnecting|Connecting/ });
    await page.locator('[data-state="connected"]').waitFor();
    await context.setOffline(true);
    await page.locator('[data-state="offline"]').waitFor();
    expect(await badge.first().innerText()).toContain('Offline');
    await context.setOffline(false);
    await page.locator('[data-state="connected"]').waitFor();
    expect(await badge.first().innerText()).toContain('Live');
    expect(errors).toEqual([]);
    await context.close();
  });
});
