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
  startBrowserSession,
} from './browser-harness';

describe('Web client: people (names link to profiles, generated avatars)', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('a reader follows an author’s name to their profile with avatar, joined date, post count and recent posts', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const ann = await registerAuthor(api);
    await api.http.patch('/api/me').set(ann.auth).send({ displayName: 'Ann from Ops' }).expect(200);
    const topic = await createTopic(api, ann, forum.slug, {
      title: 'Dark mode on Android',
      body: 'Is there one?',
    });
    await reply(api, ann, topic.id, 'Found it under Settings → Display.');
    await api.settled();

    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { context, page, errors } = await openContext(browser, api, viewport);
      await page.goto(`/t/${topic.id}`);
      const name = page.locator('#post-1').getByRole('link', { name: ann.username });
      // The avatar is generated in the page: an inline SVG, no request to anyone.
      expect(await name.locator('img.avatar').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      await name.click();
      await page.getByRole('heading', { name: ann.username }).waitFor();
      await page.getByText('Ann from Ops').waitFor();
      await page.getByText('2 posts').waitFor();
      const recent = page.getByRole('list', { name: 'Recent posts' });
      await recent.getByText('Found it under Settings → Display.').waitFor();
      await screenshot(page, `profile-${viewport.width}`);
      await recent.getByRole('link', { name: 'Dark mode on Android' }).first().click();
      await page.locator('.posts > li.highlighted #post-2').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
