import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/infra/database/engine-chain';
import { startMailCatcher, type MailCatcher } from '../../src/infra/mail/mail-catcher';

/** A mail as Mailpit's HTTP API shows it: what really went over SMTP. */
export interface CaughtMail {
  id: string;
  subject: string;
  to: string[];
  text: string;
  html: string;
  headers: Record<string, string[]>;
}

export interface Mailpit {
  smtpUrl: string;
  apiUrl: string;
  /** Stops the SMTP catcher (fault tests): sending fails until start() again. */
  stop(): Promise<void>;
  /** Starts it again on the same ports and with the same stored mail. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** A Mailpit of its own on free ports (fault tests stop and start it); others share the run's (mailpitApi()). */
export async function startMailpit(): Promise<Mailpit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-mailpit-'));
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const launch = () =>
    startMailCatcher({
      dataDir,
      smtpPort,
      httpPort,
      install: false,
      restartOnExit: false,
      log: (message) => process.stderr.write(`${message}\n`),
    });
  let catcher: MailCatcher | null = await launch();
  const first = catcher;
  return {
    smtpUrl: first.smtpUrl,
    apiUrl: first.inboxUrl,
    stop: async () => {
      await catcher?.stop();
      catcher = null;
    },
    start: async () => {
      catcher ??= await launch();
    },
    dispose: async () => {
      await catcher?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's Mailpit, started by the jest global setup (test/helpers/global-setup.ts). */
export function testMailpitUrls(): { smtpUrl: string; apiUrl: string } {
  const smtpUrl = process.env.PARLEY_TEST_SMTP_URL;
  const apiUrl = process.env.PARLEY_TEST_MAILPIT_URL;
  if (!smtpUrl || !apiUrl)
    throw new Error('No test Mailpit: run through `npm test` (jest global setup starts one)');
  return { smtpUrl, apiUrl };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Mailpit ${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Every mail Mailpit holds for this address, oldest first. */
export async function mailsTo(address: string, apiUrl = testMailpitUrls().apiUrl): Promise<CaughtMail[]> {
  const query = encodeURIComponent(`to:"${address}"`);
  const found = await getJson<{ messages: Array<{ ID: string }> }>(
    `${apiUrl}/api/v1/search?query=${query}&limit=200`,
  );
  const mails = await Promise.all(
    found.messages.map(async ({ ID }) => {
      const message = await getJson<{
        Subject: string;
        To: Array<{ Address: string }>;
        Text: string;
        HTML: string;
      }>(`${apiUrl}/api/v1/message/${ID}`);
      const headers = await getJson<Record<string, string[]>>(`${apiUrl}/api/v1/message/${ID}/headers`);
      return {
        id: ID,
        subject: message.Subject,
        to: message.To.map((to) => to.Address),
        text: message.Text,
        html: message.HTML,
        headers,
      };
    }),
  );
  return mails.reverse(); // Mailpit lists newest first
}

/** Waits (up to 15 s) until `count` mails reached the address, and returns them. Mail goes after the answer. */
export async function waitForMails(
  address: string,
  count = 1,
  apiUrl = testMailpitUrls().apiUrl,
): Promise<CaughtMail[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = await mailsTo(address, apiUrl);
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first link in a mail's text that contains `path`. */
export function linkIn(mail: CaughtMail, path: string): URL {
  const match = mail.text.match(new RegExp(`https?://\\S*${path.replace(/[/?]/g, '\\$&')}\\S*`));
  if (!match) throw new Error(`no ${path} link in mail "${mail.subject}":\n${mail.text}`);
  return new URL(match[0]);
}
