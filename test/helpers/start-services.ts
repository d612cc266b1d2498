import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Writable } from 'node:stream';
import { AppModule } from '../../src/app.module';
import { testConfig, type StartAppOptions } from './start-app';

export interface TestServices {
  /** The application's own providers (services, repositories), wired as in production. */
  get: INestApplicationContext['get'];
  dbName: string;
  close(): Promise<void>;
}

/**
 * The medium tier (test/**\/*.medium-spec.ts): the application's modules against the test run's real engine,
 * without an HTTP server or sockets, for specs about services and repositories that need no request.
 */
export async function startServices(options: StartAppOptions = {}): Promise<TestServices> {
  const { config, dbName } = testConfig(options);
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const context = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, logDestination: quiet }),
    { logger: false },
  );
  return { get: context.get.bind(context), dbName, close: () => context.close() };
}
