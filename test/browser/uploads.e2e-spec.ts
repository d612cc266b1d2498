import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor } from '../factories/topic.factory';
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

interface BrowserClipboard {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
  ClipboardEvent: new (type: string, init: Record<string, unknown>) => Event;
}

describe('Web client: images in the composer', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('pastes a photo into the reply, is told its location was removed, and sees it in the published post', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, { name: 'Acme Photos', phoneRegion: 'GB' });
    const opener = await registerAuthor(api);
    const topic = await createTopic(api, opener, forum.slug, { title: 'Show your desk setup' });
    const author = await createUser(api);
    await acknowledgeNotice(api, author);
    const photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#3a7' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneCo', Model: 'P9' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
      })
      .toBuffer();

    const { context, page, errors } = await openContext(browser, api);
    await signIn(context, author);
    await page.goto(`/t/${topic.id}`);
    const reply = page.getByRole('textbox', { name: 'Your reply (Markdown)' });
    await reply.fill('My desk:');
    await reply.evaluate((textarea, base64) => {
      // The browser's own clipboard types (this file is compiled without the DOM library).
      const dom = globalThis as unknown as BrowserClipboard;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new dom.DataTransfer();
      data.items.add(new dom.File([bytes], 'desk.jpg', { type: 'image/jpeg' }));
      textarea.dispatchEvent(
        new dom.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, photo.toString('base64'));

    await page.getByText('location data removed from desk.jpg').waitFor();
    await expect(reply.inputValue()).resolves.toMatch(
      /^My desk:\n!\[desk\.jpg\]\(\/media\/[A-Za-z0-9_-]{22}\/desk\.jpg\)\n$/,
    );
    await screenshot(page, 'composer-upload');
    await page.getByRole('button', { name: 'Post reply' }).click();

    const image = page.locator('article img[alt="desk.jpg"]').first();
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^\/media\/[A-Za-z0-9_-]{22}\/desk\.jpg$/);
    // Loaded from Parley's own /media route (the page CSP allows no other host's images).
    await page.waitForFunction(
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth === 120,
      await image.elementHandle(),
    );
    expect(errors).toEqual([]);
  });
});
