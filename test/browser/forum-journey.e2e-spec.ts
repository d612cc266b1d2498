import type { Browser } from 'playwright-core';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/start-app';
import {
  BUILD_TIMEOUT_MS,
  type BrowserSession,
  openContext,
  screenshot,
  signIn,
  startBrowserSession,
} from './browser-harness';

describe('Web client: reading and replying in a forum', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('a new member signs up, acknowledges the notice, sees a phone number highlighted, edits it out and publishes; a second reader sees the reply live', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, { name: 'Acme Cloud', phoneRegion: 'GB' });
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, {
      title: 'Sync stops after the 2.3 update',
      body: 'Since **2.3** the desktop client stops syncing after a few minutes. Anyone else?',
    });

    const reader = await openContext(browser, api);
    await reader.page.goto(`/t/${topic.id}`);
    await reader.page.getByRole('heading', { name: 'Sync stops after the 2.3 update' }).waitFor();
    await reader.page.locator('[data-state="connected"]').waitFor();

    const { page, errors } = await openContext(browser, api);
    await page.goto('/register');
    await page.getByLabel('Username').fill('ada_lovelace');
    await page.getByLabel('Email').fill('ada@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: 'ada_lovelace' }).waitFor();

    await page.getByRole('link', { name: 'Acme Cloud' }).click();
    await page.getByRole('link', { name: 'Sync stops after the 2.3 update' }).waitFor();
    await expectVisible(page.getByRole('complementary', { name: 'Public area notice' }));
    await screenshot(page, 'forum-page');

    await page.getByRole('link', { name: 'Sync stops after the 2.3 update' }).click();
    const reply = page.getByRole('textbox', { name: 'Your reply (Markdown)' });
    await reply.fill('Same here. Call me on 020 7946 0958 and I will walk you through the proxy settings.');
    await page.locator('.highlight-mirror mark.finding-phone', { hasText: '020 7946 0958' }).waitFor();
    await page.getByText('looks like a phone number').first().waitFor();
    await expectText(
      page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'Possible personal data' }),
      '1 phone number',
    );

    await screenshot(page, 'composer-highlight');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const notice = page.getByRole('alertdialog', { name: 'Before you post: this is a public area' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'I understand, continue' }).click();

    const warning = page.getByRole('alertdialog', { name: 'This post contains personal data' });
    await warning.waitFor();
    await expectText(warning, '020 7946 0958');
    await expectText(warning, 'publishes it as written');
    await screenshot(page, 'composer-warning');
    await warning.getByRole('button', { name: 'Edit' }).click();

    await reply.fill('Same here. Switching the proxy setting to "system" fixed it for me.');
    await page.locator('.highlight-mirror mark.finding').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('.post', { hasText: 'Switching the proxy setting' }).waitFor();

    await reader.page.locator('.post', { hasText: 'Switching the proxy setting' }).waitFor();
    expect(await reader.page.locator('.post').count()).toBe(2);
    expect(errors).toEqual([]);
    await reader.context.close();
  });

  it('in a forum that masks personal data, "Post anyway" publishes with the number masked and tells the author', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, {
      name: 'Acme Support',
      piiPolicy: 'mask',
      phoneRegion: 'GB',
    });
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, { title: 'Call-back request' });

    const { context, page, errors } = await openContext(browser, api);
    await signIn(context, author);
    await page.goto(`/t/${topic.id}`);
    await page
      .getByRole('textbox', { name: 'Your reply (Markdown)' })
      .fill('Please ring me back on 020 7946 0958 today.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const warning = page.getByRole('alertdialog', { name: 'This post contains personal data' });
    await warning.getByText('masks personal data').waitFor();
    await warning.getByRole('button', { name: 'Post anyway' }).click();
    const published = page.locator('.post', { hasText: 'Please ring me back' });
    await published.getByText('[phone removed').waitFor();
    expect(await published.textContent()).not.toContain('020 7946 0958');
    await page.getByText('1 part was replaced before publishing').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a moderator removes an email address from a post and a reader sees the redaction in place, live', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, { name: 'Acme Sync' });
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, { title: 'Licence transfer' });
    const leaked = await replyAcknowledged(
      api,
      author,
      topic.id,
      'Write to grace.hopper@example.org for the licence key.',
    );
    const moderator = await createUser(api, { roles: ['moderator'] });

    const reader = await openContext(browser, api);
    await reader.page.goto(`/t/${topic.id}`);
    const readerPost = reader.page.locator(`#post-${leaked.seq}`);
    await readerPost.getByText('grace.hopper@example.org').waitFor();
    await reader.page.locator('[data-state="connected"]').waitFor();

    const mod = await openContext(browser, api);
    await signIn(mod.context, moderator);
    await mod.page.goto(`/t/${topic.id}`);
    await mod.page.locator(`#post-${leaked.seq}`).getByRole('button', { name: 'Moderate' }).click();
    const dialog = mod.page.getByRole('dialog', { name: /Moderate post/ });
    await dialog.getByText('looks like an email address').waitFor();
    await dialog.getByRole('button', { name: 'Remove personal info (1)' }).click();
    await dialog.waitFor({ state: 'detached' });

    await readerPost.getByText('[email removed]').waitFor();
    expect(await readerPost.textContent()).not.toContain('grace.hopper@example.org');
    expect(reader.errors).toEqual([]);
    expect(mod.errors).toEqual([]);
    await reader.context.close();
    await mod.context.close();
  });
});

/** A reply that contains personal data, published the way a client does: read the 422, acknowledge its digest. */
async function replyAcknowledged(api: TestApp, author: TestUser, topicId: string, body: string) {
  const first = await api.http.post(`/api/topics/${topicId}/posts`).set(author.auth).send({ body });
  expect(first.body.code).toBe('personal_data_detected');
  const res = await api.http
    .post(`/api/topics/${topicId}/posts`)
    .set(author.auth)
    .send({ body, acknowledgePersonalData: first.body.details.findingsDigest });
  expect(res.status).toBe(201);
  return res.body.post as { id: string; seq: number };
}

async function expectVisible(locator: { isVisible(): Promise<boolean> }) {
  expect(await locator.isVisible()).toBe(true);
}

async function expectText(locator: { textContent(): Promise<string | null> }, text: string) {
  expect(await locator.textContent()).toContain(text);
}
