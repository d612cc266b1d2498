import type { Browser, Locator, Page } from 'playwright-core';
import { createBoard, ensureAcknowledged } from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, registerUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/start-app';
import {
  BUILD_TIMEOUT_MS,
  type BrowserSession,
  openContext,
  screenshot,
  signIn,
  startBrowserSession,
} from './browser-harness';

/** Resolves when the composer's debounced autosave reached the server. */
const draftSaved = (page: Page) =>
  page.waitForResponse(
    (res) => res.url().includes('/api/drafts/') && res.request().method() === 'PUT' && res.ok(),
  );

/** Waits until a text field holds `wanted` (the page's CSP forbids waitForFunction's string predicates). */
async function valueBecomes(field: Locator, wanted: (value: string) => boolean): Promise<string> {
  for (let tries = 0; ; tries += 1) {
    const value = await field.inputValue();
    if (wanted(value)) return value;
    if (tries > 100) throw new Error(`the field still holds ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Which element has the keyboard focus, by its accessible label (a string: this file has no DOM lib). */
const focusedLabel = (page: Page) =>
  page.evaluate<string | null>(`document.activeElement && document.activeElement.getAttribute('aria-label')`);

describe('Web client: writing (drafts, quotes, mentions, keyboard sending, formatting)', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  async function topicWithAuthor(authorName?: string) {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const author = authorName
      ? await ensureAcknowledged(api, await registerUser(api, { username: authorName }))
      : await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, {
      title: 'Export to CSV fails',
      body: 'The export stops at **row 1000** every time.',
    });
    return { admin, forum, author, topic };
  }

  it('a half-written reply survives a reload and shows on another device; publishing discards it', async () => {
    const { topic } = await topicWithAuthor();
    const member = await registerAuthor(api);
    const one = await openContext(browser, api);
    await signIn(one.context, member);
    await one.page.goto(`/t/${topic.id}`);
    const box = one.page.getByRole('textbox', { name: 'Your reply (Markdown)' });
    const saved = draftSaved(one.page);
    await box.fill('Same here, on version 2.4');
    await saved;
    await one.page.reload();
    await valueBecomes(box, (value) => value === 'Same here, on version 2.4');

    const two = await openContext(browser, api, { width: 390, height: 844 });
    await signIn(two.context, member);
    await two.page.goto(`/t/${topic.id}`);
    await valueBecomes(
      two.page.getByRole('textbox', { name: 'Your reply (Markdown)' }),
      (value) => value === 'Same here, on version 2.4',
    );

    const discarded = one.page.waitForResponse(
      (res) =>
        res.url().includes('/api/drafts/') && res.request().method() === 'DELETE' && res.status() === 204,
    );
    await one.page.getByRole('button', { name: 'Post reply' }).click();
    await discarded;
    await one.page.locator('.post', { hasText: 'Same here, on version 2.4' }).waitFor();
    await expect(box.inputValue()).resolves.toBe('');
    await api.settled();
    const draft = await api.http.get(`/api/drafts/topic/${topic.id}`).set(member.auth).expect(200);
    expect(draft.body).toEqual({ draft: null });
    expect([...one.errors, ...two.errors]).toEqual([]);
    await one.context.close();
    await two.context.close();
  });

  it('Quote goes in at the caret of the draft being written and leaves the caret in the composer', async () => {
    const { topic, author } = await topicWithAuthor();
    const member = await registerAuthor(api);
    const { context, page, errors } = await openContext(browser, api);
    await signIn(context, member);
    await page.goto(`/t/${topic.id}`);
    const box = page.getByRole('textbox', { name: 'Your reply (Markdown)' });
    await box.fill('I see this too.');
    await page.locator('#post-1').getByRole('button', { name: 'Quote' }).click();
    await valueBecomes(box, (value) => value.includes('wrote (#1)'));
    expect(await focusedLabel(page)).toBe('Your reply (Markdown)');
    await page.keyboard.type('Mine stops at row 1000 too.');
    const text = await box.inputValue();
    expect(text).toBe(
      `I see this too.\n\n> @${author.username} wrote (#1):\n> The export stops at row 1000 every time.\n\nMine stops at row 1000 too.`,
    );
    await screenshot(page, 'composer-quote-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('@mention completion offers the people in the topic first, then everyone, and inserts the name', async () => {
    const stem = `zq${Date.now().toString(36).slice(-4)}`;
    const { topic } = await topicWithAuthor(`${stem}_author`);
    await registerUser(api, { username: `${stem}_bystander` });
    const member = await registerAuthor(api);
    await reply(api, member, topic.id, 'A reply by the member.');
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { context, page, errors } = await openContext(browser, api, viewport);
      await signIn(context, member);
      await page.goto(`/t/${topic.id}`);
      const box = page.getByRole('textbox', { name: 'Your reply (Markdown)' });
      await box.click();
      await box.pressSequentially(`Thanks @${stem}`);
      const list = page.getByRole('listbox', { name: 'Mention suggestions' });
      await list.getByRole('option', { name: `@${stem}_bystander` }).waitFor();
      // The topic's author first, then the account that has not posted here.
      expect(await list.getByRole('option').allInnerTexts()).toEqual([
        `@${stem}_author`,
        `@${stem}_bystander`,
      ]);
      await screenshot(page, `composer-mention-${viewport.width}`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(box.inputValue()).resolves.toBe(`Thanks @${stem}_bystander `);
      expect(await list.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('Enter sends on a board (Shift+Enter starts a line), Ctrl+Enter sends a reply, and the toolbar formats', async () => {
    const { admin, forum, topic } = await topicWithAuthor();
    const board = await createBoard(api, admin, forum.slug);
    const member = await registerAuthor(api);
    const { context, page, errors } = await openContext(browser, api, { width: 390, height: 844 });
    await signIn(context, member);
    await page.goto(`/b/${board.slug}`);
    await page.locator('[data-state="connected"]').waitFor();
    const message = page.getByRole('textbox', { name: 'Message (Markdown)' });
    await message.click();
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await expect(message.inputValue()).resolves.toBe('First line\nsecond line');
    await page.keyboard.press('Enter');
    await page.locator('.board-stream .message', { hasText: 'second line' }).waitFor();
    await expect(message.inputValue()).resolves.toBe('');
    await screenshot(page, 'board-enter-to-send-390');

    await page.goto(`/t/${topic.id}`);
    const box = page.getByRole('textbox', { name: 'Your reply (Markdown)' });
    await box.click();
    await page.keyboard.type('important');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Bold' }).click();
    await expect(box.inputValue()).resolves.toBe('**important**');
    // The wrapped word stays selected; the caret goes to the end before a new line.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect(box.inputValue()).resolves.toBe('**important**\n');
    await page.keyboard.press('Control+Enter');
    await page.locator('.post strong', { hasText: 'important' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
