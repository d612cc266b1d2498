import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { FollowUpWorker } from '../../src/infra/outbox/follow-up-worker';
import { loadConfig, type AppConfig } from '../../src/infra/config/app-config';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkEveryResponse, OpenApiResponses, type OpenApiDocument } from './openapi';

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL on an ephemeral port, e.g. http://127.0.0.1:41235 */
  url: string;
  /** supertest bound to the running server */
  http: ReturnType<typeof request>;
  dbName: string;
  /** Every JSON log line the application wrote so far. */
  logs: string[];
  /** Responses that did not match the OpenAPI document (test/helpers/openapi.ts). */
  openApiProblems: string[];
  /** Waits until the follow-up work (counters, notifications, room logs) of every write so far is done. */
  settled(): Promise<void>;
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

/** The configuration every spec's application runs with: the test run's engine, a database of its own. */
export function testConfig(options: StartAppOptions = {}): { config: AppConfig; dbName: string } {
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
    // Never the repository's ./data: uploads are content-addressed, so one shared temporary folder is enough.
    UPLOADS_DIR: join(tmpdir(), 'parley-test-uploads'),
    ...(process.env.PARLEY_TEST_SMTP_URL ? { SMTP_URL: process.env.PARLEY_TEST_SMTP_URL } : {}),
    ...options.env,
  });
  return { config, dbName };
}

/** Boots the real application (same factory as main.ts) on a free port against a real database. */
export async function startApp(options: StartAppOptions = {}): Promise<TestApp> {
  const { config, dbName } = testConfig(options);
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
  const http = request(url);
  const openApiProblems: string[] = [];
  // Every response a spec receives is checked against the OpenAPI document, and close() fails on a mismatch
  // (README, Development). PARLEY_OPENAPI_CHECK=0: no check; =<file>: mismatches are appended there instead.
  const check = process.env.PARLEY_OPENAPI_CHECK ?? '1';
  if (check !== '0') {
    const document = (await request(url).get('/api/docs/openapi.json')).body as OpenApiDocument;
    checkEveryResponse(http as never, new OpenApiResponses(document), (problems, res) => {
      openApiProblems.push(...problems);
      if (check !== '1') {
        const sample = JSON.stringify(res.body)?.slice(0, 2000);
        appendFileSync(check, `${JSON.stringify({ problems, sample })}\n`);
      }
    });
  }
  return {
    app,
    url,
    http,
    dbName,
    logs,
    openApiProblems,
    settled: () => settle(app),
    close: async () => {
      await app.close();
      if (check === '1' && openApiProblems.length > 0) {
        throw new Error(
          `responses that do not match the OpenAPI document:\n${[...new Set(openApiProblems)].join('\n')}`,
        );
      }
    },
  };
}

/** Follow-up work runs after each answer (the outbox); a spec that checks its effects waits for it here. */
export async function settle(app: { get: NestExpressApplication['get'] }, timeoutMs = 10_000): Promise<void> {
  const worker = app.get(FollowUpWorker);
  const deadline = Date.now() + timeoutMs;
  while (!(await worker.idle())) {
    if (Date.now() > deadline) throw new Error(`follow-up work still pending after ${timeoutMs} ms`);
    await worker.sweep(new Date(Date.now() + 60 * 60_000)); // takes over anything left, as a later sweep would
  }
}
