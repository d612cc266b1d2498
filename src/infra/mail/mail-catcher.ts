import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findMailpit } from '../database/engine-binaries';
import { canConnect, startEngineProcess, type EngineProcess } from '../database/engine-process';

export interface MailCatcher {
  /** Where the app sends: smtp://127.0.0.1:<port>. */
  smtpUrl: string;
  /** Mailpit's web inbox and HTTP API (/api/v1/messages). */
  inboxUrl: string;
  /** Null when an already running catcher was reused. */
  process: EngineProcess | null;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** Mailpit keeps its messages in <dataDir>/mailpit.db, so the dev inbox survives restarts. */
  dataDir: string;
  smtpPort: number;
  httpPort: number;
  /** Build it with scripts/install-mailpit.sh when missing (npm start does). */
  install: boolean;
  /** Start it again when it dies alone (development yes; fault tests stop it on purpose). */
  restartOnExit: boolean;
  log: (message: string) => void;
}

export class NoMailCatcherError extends Error {}

/**
 * Mailpit as a child process, supervised like the database engine (same restart and parent-death handling):
 * the development SMTP catcher that `npm start` uses when SMTP_URL is unset, and the one the tests read mail from.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const smtpUrl = `smtp://127.0.0.1:${options.smtpPort}`;
  const inboxUrl = `http://127.0.0.1:${options.httpPort}`;
  if ((await canConnect(options.smtpPort)) && (await canConnect(options.httpPort))) {
    // A Mailpit from an earlier `npm start` (or the compose dev profile) is still there: share its inbox.
    return { smtpUrl, inboxUrl, process: null, stop: async () => undefined };
  }
  const found = findMailpit({ install: options.install, log: options.log });
  if (!found.path) {
    throw new NoMailCatcherError(
      `no mail catcher: ${found.reason}; run bash scripts/install-mailpit.sh (needs Go), or set SMTP_URL`,
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const child = await startEngineProcess({
    name: 'Mailpit',
    role: 'mail',
    binary: found.path,
    args: [
      '--database',
      join(options.dataDir, 'mailpit.db'),
      '--smtp',
      `127.0.0.1:${options.smtpPort}`,
      '--listen',
      `127.0.0.1:${options.httpPort}`,
      '--disable-version-check',
      '--quiet',
      // Parley speaks plain SMTP to a local catcher; without these Mailpit refuses AUTH over plain text.
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
    ],
    port: options.smtpPort,
    log: options.log,
    restartOnExit: options.restartOnExit,
  });
  return { smtpUrl, inboxUrl, process: child, stop: () => child.stop() };
}
