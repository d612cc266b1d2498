import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { freePort } from '../../src/infra/database/engine-chain';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * The proxy's happy path needs an https image host it may reach: a local TLS server with a self-signed
 * certificate, trusted by a Parley process started with NODE_EXTRA_CA_CERTS (read only at process start, hence
 * the real server as a child process) and allowed to reach 127.0.0.1 (IMAGE_PROXY_ALLOW_ADDRESSES).
 */
describe('Image proxy fetching an external image', () => {
  let api: TestApp;
  let proxy: AppProcess;
  let origin: Server;
  let dir: string;
  const hits: Record<string, number> = {};
  let photo: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-proxy-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    photo = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#a52' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .toBuffer();
    origin = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => {
        hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
        if (req.url === '/photo.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo);
        if (req.url === '/huge.jpg')
          return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(300_000, 1));
        if (req.url === '/page.html')
          return res.writeHead(200, { 'content-type': 'image/png' }).end('<script>alert(1)</script>');
        res.writeHead(404).end();
      },
    );
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    api = await startApp();
    proxy = await spawnApp({
      port: await freePort(),
      mongoUri: process.env.PARLEY_TEST_MONGODB_URI!,
      dbName: api.dbName,
      env: {
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
        IMAGE_PROXY_ALLOW_ADDRESSES: '127.0.0.1',
        IMAGE_PROXY_MAX_BYTES: '200000',
        UPLOADS_DIR: join(dir, 'uploads'),
        UPLOAD_SWEEP_MS: '0',
      },
    });
  });
  afterAll(async () => {
    proxy?.signal('SIGTERM');
    await proxy?.exited;
    await api?.close();
    await new Promise((resolve) => origin.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const proxiedPathOf = async (path: string) => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    const author = await createUser(api);
    await acknowledgeNotice(api, author);
    const { port } = origin.address() as AddressInfo;
    const topic = await createTopic(api, author, forum.slug, {
      body: `![x](https://127.0.0.1:${port}${path})`,
    });
    const posts = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    return /<img src="(\/media\/external\/[^"]+)"/.exec(posts.body.items[0].html)?.[1] as string;
  };
  const binary = (res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('serves the image from Parley, re-encoded without its location data, and fetches it once', async () => {
    const path = await proxiedPathOf('/photo.jpg');
    const first = await proxy.http
      .get(path)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(first.body as Buffer).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([50, 40, undefined]);
    await proxy.http.get(path).expect(200);
    expect(hits['/photo.jpg']).toBe(1);
  });

  it('refuses an image larger than IMAGE_PROXY_MAX_BYTES and bytes that are not an image', async () => {
    const huge = await proxy.http.get(await proxiedPathOf('/huge.jpg')).expect(502);
    expect(huge.body).toMatchObject({ code: 'external_image_unavailable' });
    expect(huge.body.message).toContain('larger than 200000 bytes');
    const html = await proxy.http.get(await proxiedPathOf('/page.html')).expect(502);
    expect(html.body.message).toContain('not an image');
  });
});
