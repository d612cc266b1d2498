import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { OrphanUploadsJob } from '../../src/uploads/orphan-uploads.job';
import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/** A phone photo as it leaves the camera: GPS position, make and model in its EXIF, shot sideways. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'P9 Pro' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A PNG whose header announces 30000 × 30000 pixels (900 megapixels); its pixel data is a few bytes. */
async function decompressionBomb(): Promise<Buffer> {
  const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const bomb = Buffer.from(small);
  // IHDR starts at byte 16: width, then height, big-endian (the chunk's CRC no longer matches: never decoded).
  bomb.writeUInt32BE(30_000, 16);
  bomb.writeUInt32BE(30_000, 20);
  return bomb;
}

/** The first bytes of a Linux executable (ELF) and a Windows one (MZ/PE), with a harmless-looking name. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);
const PE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58, 0),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64, 0),
]);

describe('Uploads', () => {
  let api: TestApp;
  let dir: string;
  let admin: TestUser;
  let forum: TestForum;
  let review: TestForum;
  let author: TestUser;

  const upload = (user: TestUser, slug: string, bytes: Buffer, name: string, ack?: string) => {
    const request = api.http.post(`/api/forums/${slug}/uploads`).set(user.auth);
    if (ack) request.field('acknowledgePersonalData', ack);
    return request.attach('file', bytes, { filename: name, contentType: 'image/png' });
  };
  const storedFiles = () => {
    try {
      return readdirSync(join(dir, 'sha256'), { recursive: true }).filter((name) =>
        /[0-9a-f]{64}$/.test(String(name)),
      );
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-uploads-'));
    api = await startApp({ env: { UPLOADS_DIR: dir, UPLOAD_SWEEP_MS: '0' } });
    admin = await createUser(api, { roles: ['admin'] });
    forum = await createForum(api, admin, { phoneRegion: 'GB' });
    review = await createForum(api, admin, { piiPolicy: 'review', phoneRegion: 'GB' });
    author = await createUser(api);
    await acknowledgeNotice(api, author);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a JPEG with GPS EXIF and serves it back with no metadata at all, upright, saying what it removed', async () => {
    const res = await upload(author, forum.slug, await phonePhoto(), 'photo.jpg').expect(201);
    expect(res.body).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      name: 'photo.jpg',
      width: 32,
      height: 64,
    });
    expect(res.body.removed).toEqual(
      expect.arrayContaining([
        'location data removed from photo.jpg',
        'camera make, model and serial numbers removed from photo.jpg',
      ]),
    );
    expect(res.body.markdown).toBe(`![photo.jpg](/media/${res.body.id}/photo.jpg)`);

    const served = await api.http
      .get(res.body.url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['content-disposition']).toBe('inline; filename="photo.jpg"');
    const meta = await sharp(served.body as Buffer).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([32, 64]);
  });

  it('the original photo does carry the location (the test image is what a phone sends)', async () => {
    const meta = await sharp(await phonePhoto()).metadata();
    expect(exifReader(meta.exif as Buffer).GPSInfo?.GPSLatitude).toEqual([51, 30, 0]);
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const res = await upload(author, forum.slug, await decompressionBomb(), 'small.png').expect(422);
    expect(res.body).toMatchObject({
      code: 'upload_refused',
      details: { field: 'file', reason: 'too_many_pixels' },
    });
    expect(res.body.message).toContain('30000×30000');
  });

  it('refuses renamed executables whatever their name and declared type', async () => {
    for (const [bytes, name] of [
      [ELF, 'cat.png'],
      [PE, 'invoice.pdf'],
      [PE, 'notes.txt'],
    ] as const) {
      const res = await upload(author, forum.slug, bytes, name).expect(415);
      expect(res.body).toMatchObject({ code: 'unsupported_file_type', details: { field: 'file' } });
    }
  });

  it('names a stored file after what it is: a PNG called .exe is stored and offered as .png', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } })
      .png()
      .toBuffer();
    const res = await upload(author, forum.slug, png, 'tool.exe').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/png', name: 'tool.png' });
  });

  it('holds the post carrying a text attachment with a phone number under the review policy', async () => {
    const log = Buffer.from('build log\nif it fails ring 020 7946 0958\n');
    const first = await upload(author, review.slug, log, 'build.log').expect(422);
    expect(first.body.code).toBe('personal_data_detected');
    expect(first.body.details).toMatchObject({ policy: 'review' });
    expect(first.body.details.findings).toEqual([
      expect.objectContaining({ type: 'phone', part: 'content', text: '020 7946 0958' }),
    ]);
    const stored = await upload(
      author,
      review.slug,
      log,
      'build.log',
      first.body.details.findingsDigest,
    ).expect(201);
    expect(stored.body).toMatchObject({
      kind: 'attachment',
      mime: 'text/plain; charset=utf-8',
      findings: { total: 1, byType: { phone: 1 }, policy: 'review', held: true },
    });

    const topic = await api.http
      .post(`/api/forums/${review.slug}/topics`)
      .set(author.auth)
      .send({ title: 'Build fails', body: `Log attached: ${stored.body.markdown}` })
      .expect(201);
    expect(topic.body.post.status).toBe('held');
    await api.settled();

    const moderator = await createUser(api, { moderatedForumIds: [review.id] });
    const queue = await api.http
      .get('/api/moderation/queue')
      .query({ forum: review.id })
      .set(moderator.auth)
      .expect(200);
    const item = queue.body.items.find(
      (entry: { targetId: string }) => entry.targetId === topic.body.post.id,
    );
    expect(item).toBeDefined();
    expect(item.uploads).toEqual([expect.objectContaining({ id: stored.body.id, name: 'build.log' })]);
  });

  it('masks personal data in a text attachment and its name under the mask policy, and says so', async () => {
    const mask = await createForum(api, admin, { piiPolicy: 'mask', phoneRegion: 'GB' });
    const text = Buffer.from('mail me at ann@example.org\n');
    const first = await upload(author, mask.slug, text, 'ann@example.org.txt').expect(422);
    const res = await upload(
      author,
      mask.slug,
      text,
      'ann@example.org.txt',
      first.body.details.findingsDigest,
    ).expect(201);
    expect(res.body.name).not.toContain('ann@example.org');
    expect(res.body.removed).toEqual(['2 emails masked in ann@example.org.txt']);
    const served = await api.http.get(res.body.url).expect(200);
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.text).not.toContain('ann@example.org');
  });

  it('shows an uploaded image in the published post, and removes the file with the post', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } })
      .png()
      .toBuffer();
    const up = await upload(author, forum.slug, png, 'screen.png').expect(201);
    const topic = await createTopic(api, author, forum.slug, { body: `Look: ${up.body.markdown}` });
    await api.settled();
    const posts = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(posts.body.items[0].html).toContain(
      `<img src="/media/${up.body.id}/screen.png" alt="screen.png" />`,
    );
    const before = storedFiles().length;
    await api.http.delete(`/api/posts/${topic.firstPostId}`).set(author.auth).expect(200);
    await api.http.get(up.body.url).expect(404);
    expect(storedFiles().length).toBe(before - 1);
  });

  it("purges a user's uploads, files included, when the account is deleted", async () => {
    const leaver = await createUser(api);
    await acknowledgeNotice(api, leaver);
    const png = await sharp({ create: { width: 5, height: 7, channels: 3, background: '#f0f' } })
      .png()
      .toBuffer();
    const up = await upload(leaver, forum.slug, png, 'mine.png').expect(201);
    await createTopic(api, leaver, forum.slug, { body: `Mine: ${up.body.markdown}` });
    await api.settled();
    const exported = await api.http.get('/api/me/export').set(leaver.auth).expect(200);
    expect(exported.body.uploads).toEqual([expect.objectContaining({ id: up.body.id, name: 'mine.png' })]);
    const before = storedFiles().length;
    await api.http
      .delete('/api/me')
      .set(leaver.auth)
      .send({ password: leaver.password, deletePosts: false })
      .expect(204);
    await api.http.get(up.body.url).expect(404);
    expect(storedFiles().length).toBe(before - 1);
  });

  it('purges uploads never posted once they are older than a day, and keeps posted ones', async () => {
    const png = await sharp({ create: { width: 3, height: 9, channels: 3, background: '#ff0' } })
      .png()
      .toBuffer();
    const orphan = await upload(author, forum.slug, png, 'orphan.png').expect(201);
    const job = api.app.get(OrphanUploadsJob);
    expect(await job.runIfDue(new Date())).toBe(0);
    await api.http.get(orphan.body.url).expect(200);
    const purged = await job.runIfDue(new Date(Date.now() + 25 * 3_600_000));
    expect(purged).toBeGreaterThanOrEqual(1);
    await api.http.get(orphan.body.url).expect(404);
  });

  it("lets a moderator remove a post's attachment (bytes included) and audits it, but not another member", async () => {
    const text = Buffer.from('steps to reproduce\n');
    const up = await upload(author, forum.slug, text, 'steps.txt').expect(201);
    await createTopic(api, author, forum.slug, { body: `Steps: ${up.body.markdown}` });
    await api.settled();
    const stranger = await createUser(api);
    expect(
      (await api.http.delete(`/api/uploads/${up.body.id}`).set(stranger.auth).expect(403)).body.code,
    ).toBe('forbidden');
    const moderator = await createUser(api, { moderatedForumIds: [forum.id] });
    await api.http.delete(`/api/uploads/${up.body.id}`).set(moderator.auth).expect(204);
    await api.http.get(up.body.url).expect(404);
    const audit = await api.http
      .get('/api/audit-log')
      .query({ targetType: 'upload' })
      .set(admin.auth)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'upload.removed', targetId: up.body.id, actorId: moderator.id }),
    ]);
  });

  it('refuses uploads over the per-forum daily limit with 429 upload_quota_exceeded', async () => {
    const limited = await startApp({
      env: { UPLOADS_DIR: dir, UPLOADS_PER_USER_PER_FORUM_PER_DAY: '2', UPLOAD_SWEEP_MS: '0' },
    });
    try {
      const owner = await createUser(limited, { roles: ['admin'] });
      const place = await createForum(limited, owner);
      const other = await createForum(limited, owner);
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#123' } })
        .png()
        .toBuffer();
      const send = (slug: string) =>
        limited.http.post(`/api/forums/${slug}/uploads`).set(owner.auth).attach('file', png, 'a.png');
      await send(place.slug).expect(201);
      await send(place.slug).expect(201);
      const third = await send(place.slug).expect(429);
      expect(third.body).toMatchObject({ code: 'upload_quota_exceeded', details: { field: 'file' } });
      await send(other.slug).expect(201);
    } finally {
      await limited.close();
    }
  });

  it('keeps an animated GIF animated, and refuses it where the site says so', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 8, height: 8, channels: 3, background } })
        .png()
        .toBuffer();
    const gif = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .gif({ delay: [100, 100] })
      .toBuffer();
    const res = await upload(author, forum.slug, gif, 'blink.gif').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/gif', width: 8, height: 8 });
    const served = await api.http
      .get(res.body.url)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((await sharp(served.body as Buffer, { animated: true }).metadata()).pages).toBe(2);

    const strict = await startApp({
      env: { UPLOADS_DIR: dir, UPLOAD_ANIMATED_GIFS: 'refuse', UPLOAD_SWEEP_MS: '0' },
    });
    try {
      const owner = await createUser(strict, { roles: ['admin'] });
      const place = await createForum(strict, owner);
      const refused = await strict.http
        .post(`/api/forums/${place.slug}/uploads`)
        .set(owner.auth)
        .attach('file', gif, 'blink.gif')
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'upload_refused', details: { reason: 'animated' } });
    } finally {
      await strict.close();
    }
  });
});
