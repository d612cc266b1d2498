import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/infra/config/app-config';

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL on an ephemeral port, e.g. http://127.0.0.1:41235 */
  url: string;
  /** supertest bound to the running server */
  http: ReturnType<typeof request>;
  dbName: string;
  /** Every JSON log line the application wrote so far. */
  logs: string[];
  close(): Promise<void>;
}

export interface StartAppOptions {
  /** Reuse a database (for restart tests); by default every call gets a new, unique one. */
  dbName?: string;
  /** Connect to this server instead of the test run's engine. */
  mongoUri?: string;
  env?: Record<string, string>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export function uniqueDbName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Boots the real application (same factory as main.ts) on a free port against a real database. */
export async function startApp(options: StartAppOptions = {}): Promise<TestApp> {
  const mongoUri = options.mongoUri ?? process.env.PARLEY_TEST_MONGODB_URI;
  if (!mongoUri) throw new Error('No test database: run through `npm test` (jest global setup starts one)');
  const dbName = options.dbName ?? uniqueDbName();
  const config = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: mongoUri,
    MONGODB_DB_NAME: dbName,
    MONGODB_TIMEOUT_MS: '2000',
    JWT_SECRET: TEST_JWT_SECRET,
    THROTTLE_LIMIT: '100000',
    LOG_LEVEL: 'info',
    CLIENT_DIST: './client/dist',
    ...options.env,
  });
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(config, { logDestination });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    http: request(url),
    dbName,
    logs,
    close: async () => {
      await app.close();
    },
  };
}
