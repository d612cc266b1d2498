import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { freePort, startEngine } from '../../src/infra/database/engine-chain';
import { startMailCatcher } from '../../src/infra/mail/mail-catcher';
import type { AppConfig } from '../../src/infra/config/app-config';
import { buildProduction, startProductionServer, type ProductionServer } from './production-server';

const ROOT = join(__dirname, '..', '..');

/** Production code from the build a bench measures (tsx emits no decorator metadata, so not from src/). */
export const fromDist = createRequire(join(ROOT, 'dist', 'main.js'));

export interface BenchStack {
  server: ProductionServer;
  /** A connection of the bench's own, with the server's options (write concern), for seeding and ceilings. */
  db: Connection;
  config: AppConfig;
  engineKind: string;
}

/**
 * `npm run build` (unless BENCH_SKIP_BUILD=1), the local engine (or MONGODB_URI) in a fresh folder, the
 * production server on it with production settings except `env`, and a connection of the bench's own; `run`
 * measures, and everything is stopped and removed afterwards, also when it fails. Access tokens last an hour
 * and the per-address throttle is raised: every simulated user comes from 127.0.0.1.
 */
export async function withBenchStack<T>(
  options: {
    name: string;
    env?: Record<string, string>;
    nodeFlags?: string[];
    say: (message: string) => void;
  },
  run: (stack: BenchStack) => Promise<T>,
): Promise<T> {
  if (process.env.BENCH_SKIP_BUILD !== '1') buildProduction(options.say);
  const { loadConfig } = fromDist(
    './infra/config/app-config',
  ) as typeof import('../../src/infra/config/app-config');
  const { mongooseOptions } = fromDist(
    './infra/database/database.module',
  ) as typeof import('../../src/infra/database/database.module');
  const dataDir = mkdtempSync(join(tmpdir(), `parley-bench-${options.name}-`));
  const engine = await startEngine({ uri: process.env.MONGODB_URI, dataDir, log: options.say });
  // Production requires SMTP: the mail that the measured work queues really goes out, to a local Mailpit.
  const mail = await startMailCatcher({
    dataDir: join(dataDir, 'mailpit'),
    smtpPort: await freePort(),
    httpPort: await freePort(),
    install: false,
    restartOnExit: false,
    log: options.say,
  }).catch(async (error: Error) => {
    await engine.stop();
    throw error;
  });
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    MONGODB_URI: engine.uri,
    MONGODB_DB_NAME: `bench_${options.name}_${Date.now().toString(36)}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    THROTTLE_LIMIT: '100000000',
    LOG_LEVEL: 'info',
    SMTP_URL: mail.smtpUrl,
    ...options.env,
  };
  const config = loadConfig(env);
  // retryAttempts is @nestjs/mongoose's own option, not the driver's.
  const { uri: _uri, retryAttempts: _retry, ...connectOptions } = mongooseOptions(config);
  try {
    const db = await mongoose.createConnection(engine.uri, connectOptions).asPromise();
    try {
      const server = await startProductionServer(env, join(dataDir, 'server.log'), options.nodeFlags);
      try {
        return await run({ server, db, config, engineKind: engine.kind });
      } finally {
        await server.stop();
      }
    } finally {
      await db.close();
    }
  } finally {
    await Promise.all([engine.stop(), mail.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
