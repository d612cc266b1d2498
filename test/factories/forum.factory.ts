import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/start-app';
import type { TestUser } from './user.factory';

export interface TestForum {
  id: string;
  slug: string;
  name: string;
  visibility: 'public' | 'members';
  piiPolicy: 'warn' | 'review' | 'mask';
}

export interface ForumOptions {
  slug?: string;
  name?: string;
  visibility?: 'public' | 'members';
  piiPolicy?: 'warn' | 'review' | 'mask';
  phoneRegion?: string;
  position?: number;
}

/** Creates a forum through POST /api/forums as the given admin. */
export async function createForum(
  api: TestApp,
  admin: TestUser,
  opts: ForumOptions = {},
): Promise<TestForum> {
  const slug = opts.slug ?? `forum-${randomBytes(4).toString('hex')}`;
  const res = await api.http
    .post('/api/forums')
    .set(admin.auth)
    .send({
      name: opts.name ?? `Forum ${slug}`,
      productName: `Product ${slug}`,
      description: 'A test forum',
      ...opts,
      slug,
    });
  if (res.status !== 201) throw new Error(`create forum ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TestForum;
}
