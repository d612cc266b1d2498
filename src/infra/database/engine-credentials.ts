import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';

/**
 * The embedded engines listen on loopback, where any local user of the machine can connect. So each engine's
 * data folder (mode 0700) holds a generated user and password (credentials.json, mode 0600) and the engine runs
 * with authentication on: reading the data takes reading that file, which only the owner of DATA_DIR can.
 */
export interface EngineCredentials {
  username: string;
  password: string;
  /** Where they are kept, for log lines (the password itself is never logged). */
  file: string;
}

const FILE = 'credentials.json';
const USERNAME = 'parley';

/** Reads the data folder's credentials, generating them on the folder's first start. */
export function engineCredentials(dataDir: string): EngineCredentials {
  const file = join(dataDir, FILE);
  if (existsSync(file)) {
    chmodSync(file, 0o600); // a copy restored from a backup may have come back readable
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EngineCredentials>;
    if (typeof stored.username !== 'string' || typeof stored.password !== 'string') {
      throw new Error(
        `engine: ${file} holds no username and password; remove it only with the data beside it`,
      );
    }
    return { username: stored.username, password: stored.password, file };
  }
  const created = { username: USERNAME, password: randomBytes(24).toString('base64url') };
  // 'wx': two processes starting on a new folder at once must not each write their own password.
  writeFileSync(file, JSON.stringify(created), { mode: 0o600, flag: 'wx' });
  return { ...created, file };
}

export function engineUri(port: number, credentials?: EngineCredentials): string {
  if (!credentials) return `mongodb://127.0.0.1:${port}/`;
  const user = `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}`;
  return `mongodb://${user}@127.0.0.1:${port}/?authSource=admin`;
}

/**
 * SecantusDB with --auth lets a client on loopback create the first user without signing in (MongoDB's
 * localhost exception) and nothing else. Sign in with the folder's credentials; when the engine has no such
 * user yet (a new folder, or one from before authentication was on), create it through that exception.
 */
export async function ensureEngineUser(port: number, credentials: EngineCredentials): Promise<void> {
  const options = { directConnection: true, serverSelectionTimeoutMS: 10_000 };
  if (await signsIn(engineUri(port, credentials), options)) return;
  const bootstrap = new mongoose.mongo.MongoClient(engineUri(port), options);
  try {
    await bootstrap
      .db('admin')
      .command({ createUser: credentials.username, pwd: credentials.password, roles: ['root'] });
  } catch (error) {
    throw new Error(
      `engine: the data folder has database users, but not the one in ${credentials.file} ` +
        `(${(error as Error).message}); restore that file, or start from an empty data folder`,
    );
  } finally {
    await bootstrap.close();
  }
}

async function signsIn(uri: string, options: mongoose.mongo.MongoClientOptions): Promise<boolean> {
  const client = new mongoose.mongo.MongoClient(uri, options);
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === AUTHENTICATION_FAILED) return false;
    throw error;
  } finally {
    await client.close();
  }
}

const AUTHENTICATION_FAILED = 18;
