import { newObjectId } from '../../src/infra/database/object-id';
import { AlreadyStored, uniqueWrite } from '../../src/infra/database/duplicate-key';
import { ValueTaken } from '../../src/infra/database/unique-claims';
import { ReportRepository } from '../../src/moderation/report.repository';
import type { NewPost } from '../../src/posts/post';
import { PostRepository } from '../../src/posts/post.repository';
import { UserRepository } from '../../src/users/user.repository';
import { startServices, type TestServices } from '../helpers/start-services';

/** What services are told when a unique value refuses a write: AlreadyStored, never the engine's own error. */
describe('Repositories on the real engine: a refused unique value is AlreadyStored', () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await services.close();
  });

  const post = (clientKey: string, seq = 1): NewPost => ({
    topicId: newObjectId(),
    forumId: newObjectId(),
    seq,
    authorId: newObjectId(),
    authorName: 'ann',
    source: `first words ${clientKey}`,
    html: '<p>first words</p>',
    searchText: 'first words',
    replyTo: null,
    quotedPostIds: [],
    mentionedUserIds: [],
    status: 'visible',
    findings: null,
    clientKey,
  });

  it('answers a post stored again under its clientKey (a retried publish) with AlreadyStored, and keeps the first', async () => {
    const posts = services.get(PostRepository);
    const key = `retry-${newObjectId()}`;
    const first = await posts.insert(post(key));
    const again = posts.insert({ ...post(key), source: 'the retry' });
    await expect(again).rejects.toBeInstanceOf(AlreadyStored);
    expect(await posts.findByClientKey(key)).toMatchObject({ id: first.id, source: `first words ${key}` });
  });

  it('answers a second report of one item by one reporter with AlreadyStored', async () => {
    const reports = services.get(ReportRepository);
    const report = {
      targetType: 'post' as const,
      targetId: newObjectId(),
      reporterId: newObjectId(),
      forumId: newObjectId(),
      reason: 'spam' as const,
      note: null,
    };
    await reports.insert(report, new Date());
    await expect(reports.insert({ ...report, note: 'again' }, new Date())).rejects.toBeInstanceOf(
      AlreadyStored,
    );
  });

  it('answers a held username with ValueTaken, which is an AlreadyStored', async () => {
    const users = services.get(UserRepository);
    const username = `held_${newObjectId().slice(-8)}`;
    const account = { displayName: username, passwordHash: 'x', digest: false };
    await users.insert({ ...account, username, email: `${username}@example.test` });
    const second = users.insert({
      ...account,
      username: username.toUpperCase(),
      email: `other-${username}@example.test`,
    });
    await expect(second).rejects.toBeInstanceOf(ValueTaken);
    await expect(second).rejects.toBeInstanceOf(AlreadyStored);
  });

  it('passes every other failure through as it came', async () => {
    const boom = new Error('connection reset');
    await expect(uniqueWrite(Promise.reject(boom))).rejects.toBe(boom);
  });
});
