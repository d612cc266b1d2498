import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { UsersService } from '../users/users.service';
import { demoSignInHelp, seedDemo } from './demo-seed';

/**
 * A new developer's first `npm start` shows a living forum: on an empty database (no account at all), the demo
 * community is written through the server's own routes. Development only; main.ts never calls this otherwise.
 */
export async function seedIfEmpty(
  app: INestApplication,
  url: string,
  say: (m: string) => void,
): Promise<void> {
  const connection = app.get<Connection>(getConnectionToken());
  const accounts = await connection.collection('users').countDocuments({}, { limit: 1 });
  if (accounts > 0) return;
  say('seed: the database is empty, so the demo forums are being created (development only)');
  const users = app.get(UsersService);
  const seeded = await seedDemo(url, (id) => users.setRoles(id, ['admin']));
  say(`seed: ${seeded.forums} forums and ${seeded.posts} posts; sign in with ${demoSignInHelp()}`);
}
