import 'reflect-metadata';
import { resolve } from 'node:path';
import { createApp } from './app.factory';
import { seedIfEmpty } from './demo/first-start-seed';
import { ConfigError, loadConfig, type AppConfig } from './infra/config/app-config';
import { NoEngineError, startEngine, type Engine } from './infra/database/engine-chain';
import { redactUri, waitForDatabase } from './infra/database/wait-for-database';
import { startMailCatcher, type MailCatcher } from './infra/mail/mail-catcher';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  let engine: Engine;
  try {
    engine = await startEngine({
      uri: config.MONGODB_URI,
      dataDir: resolve(config.DATA_DIR),
      prefer: config.DATABASE_ENGINE,
      log: say,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof NoEngineError ? '' : 'engine: '}${(error as Error).message}\n`);
    process.exit(1);
  }
  const mail = await startDevelopmentMail(config);
  const stopEngine = () =>
    Promise.all([engine.stop(), mail?.stop()])
      .then(() => undefined)
      .catch(() => undefined);
  process.once('uncaughtException', (error) => {
    process.stderr.write(`fatal: ${error.stack ?? error.message}\n`);
    void stopEngine().finally(() => process.exit(1));
  });
  say(
    `engine: using ${engine.kind} at ${redactUri(engine.uri)}${engine.dataDir ? ` (data in ${engine.dataDir})` : ''}`,
  );
  config.MONGODB_URI = engine.uri;
  await waitForDatabase(engine.uri, say);

  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  const localUrl = url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  // Links in mail must be absolute: without PUBLIC_URL they point at this server's own address.
  config.PUBLIC_URL ??= localUrl;
  if (config.NODE_ENV === 'development' && config.DEMO_SEED) {
    await seedIfEmpty(app, localUrl, say).catch((error: Error) => say(`seed: not done: ${error.message}`));
  }
  say(`Parley is listening on ${localUrl}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`received ${signal}: draining connections (at most ${config.SHUTDOWN_TIMEOUT_MS} ms)`);
    const forced = setTimeout(() => {
      say(`requests still running after ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting without them`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    await app.close().catch(() => undefined);
    await stopEngine();
    clearTimeout(forced);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Development without SMTP_URL: a local Mailpit catches every mail (its inbox is printed). Elsewhere, or when it
 * cannot be had, mail waits in the outgoing queue until SMTP is configured: nothing fails and nothing is lost.
 */
async function startDevelopmentMail(config: AppConfig): Promise<MailCatcher | undefined> {
  if (config.SMTP_URL) {
    say(`mail: sending through ${redactUri(config.SMTP_URL)}`);
    return undefined;
  }
  if (config.NODE_ENV !== 'development') return undefined;
  try {
    const catcher = await startMailCatcher({
      dataDir: resolve(config.DATA_DIR, '..', 'mailpit'),
      smtpPort: config.MAILPIT_SMTP_PORT,
      httpPort: config.MAILPIT_HTTP_PORT,
      install: true,
      restartOnExit: true,
      log: say,
    });
    config.SMTP_URL = catcher.smtpUrl;
    say(
      `mail: ${catcher.process ? 'started' : 'reusing the'} Mailpit on ${catcher.smtpUrl}; ` +
        `dev inbox: ${catcher.inboxUrl}/view/latest.html (latest mail), ${catcher.inboxUrl}/api/v1/messages (all)`,
    );
    return catcher;
  } catch (error) {
    say(`mail: ${(error as Error).message}; mail is queued and sent once SMTP_URL is set`);
    return undefined;
  }
}

void bootstrap();
