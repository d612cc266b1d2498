/**
 * `npm run admin:create -- --username U --email E`: creates the first admin, or makes an existing account admin.
 * The password comes from ADMIN_PASSWORD or is asked for (twice, not echoed); it is never printed.
 * Uses the same database as the server: MONGODB_URI when set, otherwise the embedded engine in DATA_DIR
 * (stop `npm start` first in that case, so two engines do not share one data folder).
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { isEmail } from 'class-validator';
import mongoose from 'mongoose';
import { AuditEntryRepository } from '../src/audit/audit-entry.repository';
import { AuditEntryRecord, AuditEntrySchema } from '../src/audit/audit-entry.schema';
import { AuditLogService } from '../src/audit/audit-log.service';
import { USERNAME_PATTERN, USERNAME_RULE } from '../src/auth/dto/register.dto';
import { FirstAdminService } from '../src/auth/first-admin.service';
import { PasswordHasher } from '../src/auth/password-hasher';
import { ConfigError, loadConfig, type AppConfig } from '../src/infra/config/app-config';
import { mongooseOptions } from '../src/infra/database/database.module';
import { startEngine } from '../src/infra/database/engine-chain';
import { redactUri, waitForDatabase } from '../src/infra/database/wait-for-database';
import { EventBus } from '../src/infra/events/event-bus';
import { UserAccountsService } from '../src/users/user-accounts.service';
import { UniqueClaims } from '../src/infra/database/unique-claims';
import { MetricsService } from '../src/infra/metrics/metrics.service';
import { UserRepository } from '../src/users/user.repository';
import { UserRecord, UserSchema } from '../src/users/user.schema';
import { UsersService } from '../src/users/users.service';

const say = (message: string) => process.stderr.write(`${message}\n`);

function fail(message: string): never {
  say(`admin:create: ${message}`);
  process.exit(1);
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Reads one line from the terminal without echoing it; from a pipe, reads the first line. */
function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((done) => {
    let value = '';
    if (input.isTTY) process.stderr.write(prompt);
    if (input.isTTY) input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') process.exit(130);
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.off('data', onData);
          if (input.isTTY) input.setRawMode(false);
          input.pause();
          if (input.isTTY) process.stderr.write('\n');
          return done(value);
        }
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    input.on('data', onData);
  });
}

async function password(): Promise<string> {
  const given = process.env.ADMIN_PASSWORD;
  if (given) return given;
  const first = await readSecret('Password for the admin (8 to 200 characters): ');
  if (process.stdin.isTTY && (await readSecret('Again: ')) !== first) fail('the passwords differ');
  return first;
}

async function main(): Promise<void> {
  const username = argument('username');
  const email = argument('email');
  if (!username || !email) fail('usage: npm run admin:create -- --username U --email E');
  if (!USERNAME_PATTERN.test(username)) fail(`--username ${USERNAME_RULE}`);
  if (!isEmail(email.trim())) fail('--email must be an email address');
  const secret = await password();
  if (secret.length < 8 || secret.length > 200) fail('the password must have 8 to 200 characters');

  const config = configOrExit();
  const engine = await startEngine({
    uri: config.MONGODB_URI,
    dataDir: resolve(config.DATA_DIR),
    prefer: config.DATABASE_ENGINE,
    log: say,
  });
  try {
    say(`admin:create: using ${engine.kind} at ${redactUri(engine.uri)}`);
    await waitForDatabase(engine.uri, say);
    // retryAttempts is @nestjs/mongoose's own option, not the driver's.
    const {
      uri,
      retryAttempts: _retry,
      ...options
    } = mongooseOptions({ ...config, MONGODB_URI: engine.uri } as AppConfig);
    const connection = await mongoose.createConnection(uri!, options).asPromise();
    try {
      const { outcome, userId } = await (
        await firstAdmin(connection, config)
      ).ensure({
        username,
        email,
        password: secret,
      });
      const said = {
        created: `created admin ${username} (${userId})`,
        promoted: `${username} (${userId}) already existed and is now an admin; its password was not changed`,
        unchanged: `${username} (${userId}) is already an admin; nothing changed`,
      };
      process.stdout.write(`${said[outcome]}\n`);
    } finally {
      await connection.close();
    }
  } finally {
    await engine.stop();
  }
}

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/**
 * The same services the server uses, wired by hand: tsx (esbuild) emits no decorator metadata, so Nest's
 * dependency injection cannot run under it. The unique indexes are ensured first, as the server does at boot.
 */
async function firstAdmin(connection: mongoose.Connection, config: AppConfig): Promise<FirstAdminService> {
  const userModel = connection.model(UserRecord.name, UserSchema);
  const auditModel = connection.model(AuditEntryRecord.name, AuditEntrySchema);
  await Promise.all([userModel.init(), auditModel.init()]);
  const repository = new UserRepository(userModel, new UniqueClaims(connection), config);
  const accounts = new UserAccountsService(repository);
  const audit = new AuditLogService(new AuditEntryRepository(auditModel));
  const users = new UsersService(repository, audit, new EventBus(new EventEmitter2(), new MetricsService()));
  return new FirstAdminService(accounts, users, new PasswordHasher(config));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
