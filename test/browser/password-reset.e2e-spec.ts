import type { Browser, Page } from 'playwright-core';
import { registerUser } from '../factories/user.factory';
import { linkIn, waitForMails } from '../helpers/mailpit';
import type { TestApp } from '../helpers/start-app';
import {
  BUILD_TIMEOUT_MS,
  type BrowserSession,
  openContext,
  screenshot,
  startBrowserSession,
} from './browser-harness';

describe('Web client: forgot password, from the sign-in page to the mailed link and back', () => {
  let api: TestApp;
  let browser: Browser;
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await startBrowserSession();
    ({ api, browser } = session);
  }, BUILD_TIMEOUT_MS);
  afterAll(() => session?.close());

  it('resets a forgotten password through the mailed link, shows why a weak one is refused, and signs in with the new one', async () => {
    const user = await registerUser(api);
    const { page, errors } = await openContext(browser, api);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'a reset link is on its way' }).waitFor();
    await screenshots(page, 'forgot-password');

    const reset = (await waitForMails(user.email, 2)).find((mail) =>
      mail.subject.includes('Reset your password'),
    );
    expect(reset).toBeDefined();
    const link = linkIn(reset!, '/reset-password?token=');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByLabel('New password').fill('password1');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    // The server's reason, in the form: not only a browser bubble.
    await page.getByRole('alert').filter({ hasText: 'commonly used password' }).waitFor();
    await screenshots(page, 'reset-password-refused');

    await page.getByLabel('New password').fill('lantern quietly harbour 7');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByLabel('Username or email').fill(user.username);
    await page.getByLabel('Password').fill('lantern quietly harbour 7');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: user.username }).waitFor();
    expect(errors).toEqual([]);
  });
});

/** The page as it is, at desktop and phone widths (the test goes on at the desktop width). */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-${viewport.width}`);
  }
}
