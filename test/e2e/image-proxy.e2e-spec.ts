import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImageProxyService } from '../../src/uploads/image-proxy.service';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/** The proxy path a post's external image was rewritten to. */
const proxiedSrc = (html: string) => /<img src="(\/media\/external\/[^"]+)"/.exec(html)?.[1];

describe('External images through the image proxy', () => {
  let api: TestApp;
  let internal: Server;
  let internalHits = 0;

  beforeAll(async () => {
    api = await startApp({ env: { UPLOAD_SWEEP_MS: '0' } });
    // Stands for an internal service (a metadata endpoint, an admin page) the proxy must never reach.
    internal = createServer((_req, res) => {
      internalHits += 1;
      res.end('secret');
    });
    await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => internal.close(resolve));
    await api.close();
  });

  const postWithImage = async (url: string, externalImages?: 'proxy' | 'links') => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, externalImages ? ({ externalImages } as never) : {});
    const author = await createUser(api);
    await acknowledgeNotice(api, author);
    const topic = await createTopic(api, author, forum.slug, { body: `Look ![chart](${url})` });
    const posts = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    return posts.body.items[0].html as string;
  };

  it("rewrites a post's https image to Parley's own proxy, so readers never contact the other host", async () => {
    const html = await postWithImage('https://images.example.com/chart.png');
    expect(html).not.toContain('images.example.com');
    expect(proxiedSrc(html)).toMatch(/^\/media\/external\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]+$/);
  });

  it('shows external images as links only in a forum set to links', async () => {
    const html = await postWithImage('https://images.example.com/chart.png', 'links');
    expect(html).toContain(
      '<a href="https://images.example.com/chart.png" rel="nofollow ugc noopener">chart</a>',
    );
    expect(html).not.toContain('<img');
  });

  it.each([
    ['loopback by name', (port: number) => `https://localhost:${port}/x.png`],
    ['loopback by address', (port: number) => `https://127.0.0.1:${port}/x.png`],
    ['IPv6 loopback', (port: number) => `https://[::1]:${port}/x.png`],
    ['a private network address', () => 'https://10.0.0.1/x.png'],
    ['another private range', () => 'https://192.168.1.1/x.png'],
    ['the link-local cloud metadata address', () => 'https://169.254.169.254/latest/meta-data/'],
  ])('refuses %s after resolving it, without connecting', async (_what, urlOf) => {
    const port = (internal.address() as AddressInfo).port;
    const src = proxiedSrc(await postWithImage(urlOf(port)));
    expect(src).toBeDefined();
    const res = await api.http.get(src as string).expect(403);
    expect(res.body.code).toBe('address_refused');
    expect(internalHits).toBe(0);
  });

  it('refuses a proxy address it did not sign', async () => {
    const forged = Buffer.from('https://images.example.com/other.png').toString('base64url');
    const res = await api.http.get(`/media/external/AAAAAAAAAAAAAAAAAAAAAA/${forged}`).expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('fetches only https', async () => {
    const port = (internal.address() as AddressInfo).port;
    await expect(
      api.app.get(ImageProxyService).image(`http://127.0.0.1:${port}/x.png`),
    ).rejects.toMatchObject({
      code: 'external_image_unavailable',
    });
    expect(internalHits).toBe(0);
  });
});
