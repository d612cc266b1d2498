import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp, type TestApp } from '../helpers/start-app';

const ROOT = resolve(__dirname, '../..');
const DIST_INDEX = join(ROOT, 'client/dist/index.html');
const ARTIFACTS = join(ROOT, 'test/artifacts');
const LOCK = join(ROOT, 'client/.build-lock');
export const BUILD_TIMEOUT_MS = 180_000;

/** Everything the bundle is built from: the client, and the framework-free server files it imports. */
const SOURCES = [
  'client/src',
  'client/index.html',
  'client/vite.config.ts',
  'src/pii',
  'src/realtime/socket-protocol.ts',
  'src/publishing/findings-digest.ts',
  'src/infra/rendering/markdown-renderer.ts',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const isStale = () =>
  !existsSync(DIST_INDEX) ||
  statSync(DIST_INDEX).mtimeMs < Math.max(...SOURCES.map((path) => newestMtime(join(ROOT, path))));

async function withBuildLock(work: () => void): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another spec file is building. A lock older than a build can take was left by a killed run.
      const age = Date.now() - (existsSync(LOCK) ? statSync(LOCK).mtimeMs : Date.now());
      if (age > BUILD_TIMEOUT_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 500));
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds client/dist when it is missing or older than its sources, so `npm test` works right after `npm ci`.
 * The app serves the client only when client/dist/index.html exists at start, so call this before startApp.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (!isStale()) return;
  await withBuildLock(() => {
    if (!isStale()) return;
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'client/vite.config.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      // jest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    if (result.status !== 0) throw new Error(`client build failed:\n${result.stdout}\n${result.stderr}`);
  });
}

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (cookies, storage) pointed at the app; page errors fail loudly in the log. */
export async function openContext(browser: Browser, api: TestApp, viewport = { width: 1100, height: 900 }) {
  const context = await browser.newContext({ baseURL: api.url, viewport, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in through the real login route; the browser context keeps the cookies it sets. */
export async function signIn(context: BrowserContext, user: { username: string; password: string }) {
  const res = await context.request.post('/api/auth/login', {
    data: { login: user.username, password: user.password },
  });
  if (!res.ok()) throw new Error(`login ${user.username}: ${res.status()} ${await res.text()}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export interface BrowserSession {
  api: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

/** The client built if stale, the app on a free port and Debian's Chromium: what every browser spec starts with. */
export async function startBrowserSession(): Promise<BrowserSession> {
  await ensureClientBuilt();
  const api = await startApp();
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  return {
    api,
    browser,
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}
