import type { Browser, Page } from 'playwright-core';
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

/** A topic of `count` posts: the first post and count - 1 replies numbered in their text. */
async function longTopic(api: TestApp, count: number) {
  const admin = await createUser(api, { roles: ['admin'] });
  const forum = await createForum(api, admin);
  const author = await registerAuthor(api);
  const topic = await createTopic(api, author, forum.slug, { title: `A long thread of ${count}` });
  for (let seq = 2; seq <= count; seq += 1) await reply(api, author, topic.id, `Reply number ${seq} here.`);
  await api.settled();
  return { forum, author, topic };
}

/** The vertical position of a post's box in the viewport (0 at the top); a string, as the DOM lib is not loaded. */
const boxOf = (page: Page, seq: number) =>
  page.evaluate<{ top: number; bottom: number; viewport: number }>(
    `(() => { const r = document.getElementById('post-${seq}').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: window.innerHeight }; })()`,
  );

describe('Web client: permalinks, first unread and paging both ways', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('a permalink to post 45 of 60 loads the page around it, scrolls to it highlighted, and pages both ways', async () => {
    const { topic } = await longTopic(api, 60);
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { context, page, errors } = await openContext(browser, api, viewport);
      await page.goto(`/t/${topic.id}#post-45`);
      const target = page.locator('#post-45');
      await target.getByText('Reply number 45 here.').waitFor();
      await page.locator('.posts > li.highlighted #post-45').waitFor();
      const box = await boxOf(page, 45);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.viewport);
      // The beginning of the topic is not loaded: the page starts a few posts before 45.
      expect(await page.locator('#post-1').count()).toBe(0);
      await screenshot(page, `topic-permalink-${viewport.width}`);
      await page.getByRole('button', { name: 'Load earlier posts' }).first().click();
      await page.locator('#post-10').waitFor();
      await page.locator('#post-60').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a reader coming back lands on the first unread post under a "new" divider', async () => {
    const { topic, author } = await longTopic(api, 40);
    const reader = await registerAuthor(api);
    // The reader read up to post 32 earlier.
    await api.http.put(`/api/topics/${topic.id}/read`).set(reader.auth).send({ seq: 32 }).expect(200);
    await reply(api, author, topic.id, 'Reply number 41 here.');

    const { context, page, errors } = await openContext(browser, api);
    await signIn(context, reader);
    await page.goto(`/t/${topic.id}`);
    const divider = page.getByRole('separator', { name: 'New posts since your last visit' });
    await divider.waitFor();
    // The divider sits right above post 33, the first unread one, which is in view.
    expect(await page.locator('.posts > li.first-unread #post-33').count()).toBe(1);
    const box = await boxOf(page, 33);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.viewport);
    await screenshot(page, 'topic-first-unread');
    expect(errors).toEqual([]);
    await context.close();
  });
});
