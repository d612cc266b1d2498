import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { startS3Server, type S3Server } from '../helpers/s3-server';
import { startApp, type TestApp } from '../helpers/start-app';

/** UPLOAD_STORAGE=s3 against a real S3-compatible server (gofakes3), through the AWS SDK v3. */
describe('Uploads in S3-compatible storage', () => {
  let s3: S3Server;
  let api: TestApp;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3Server();
    api = await startApp({
      env: {
        UPLOAD_STORAGE: 's3',
        S3_BUCKET: s3.bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: 'parley',
        S3_SECRET_ACCESS_KEY: 'parley-secret',
        UPLOAD_SWEEP_MS: '0',
      },
    });
    client = new S3Client({
      region: 'us-east-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'parley', secretAccessKey: 'parley-secret' },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await api?.close();
    await s3?.stop();
  });

  const keys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key);

  it('stores the cleaned image in the bucket under its content address, serves it, and deletes it with the post', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const author = await createUser(api);
    await acknowledgeNotice(api, author);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#48c' } })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .toBuffer();

    const up = await api.http
      .post(`/api/forums/${forum.slug}/uploads`)
      .set(author.auth)
      .attach('file', photo, 'bucket.jpg')
      .expect(201);
    const stored = await keys();
    expect(stored).toEqual([expect.stringMatching(/^sha256\/[0-9a-f]{64}$/)]);
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: stored[0] }));
    const bytes = Buffer.from(await object.Body!.transformToByteArray());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();

    const served = await api.http.get(up.body.url).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Number(served.headers['content-length'])).toBe(bytes.length);

    const topic = await createTopic(api, author, forum.slug, { body: `In the bucket: ${up.body.markdown}` });
    await api.settled();
    await api.http.delete(`/api/posts/${topic.firstPostId}`).set(author.auth).expect(200);
    expect(await keys()).toEqual([]);
    await api.http.get(up.body.url).expect(404);
  });
});
