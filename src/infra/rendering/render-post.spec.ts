import { configureImageUrls, verifyProxiedImage } from './external-images';
import { sanitizeUserHtml } from './html-sanitizer';
import { renderPostHtml } from './render-post';

describe('renderPostHtml', () => {
  it('renders Markdown emphasis, lists, code and tables', () => {
    const html = renderPostHtml(
      '**bold** _it_\n\n- one\n- two\n\n```ts\nconst a = 1;\n```\n\n| a |\n|---|\n| 1 |',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<td>1</td>');
  });

  it('shows raw HTML typed by the author as text instead of running it', () => {
    const html = renderPostHtml('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('marks every link nofollow ugc noopener', () => {
    expect(renderPostHtml('[docs](https://example.com/docs) and https://example.org')).toBe(
      '<p><a href="https://example.com/docs" rel="nofollow ugc noopener">docs</a> and ' +
        '<a href="https://example.org" rel="nofollow ugc noopener">https://example.org</a></p>\n',
    );
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<b>x</b>'])(
    'never produces a link to %s',
    (url) => {
      const html = renderPostHtml(`[click](${url}) ![img](${url})`);
      expect(html).not.toMatch(/href=|src=/);
    },
  );

  it('shows an https image of another host as a link until the image proxy is configured, and drops http ones', () => {
    expect(renderPostHtml('![ok](https://cdn.example.com/a.png)')).toBe(
      '<p><a href="https://cdn.example.com/a.png" rel="nofollow ugc noopener">ok</a></p>\n',
    );
    expect(renderPostHtml('![no](http://cdn.example.com/a.png)')).not.toContain('<img');
  });

  it("serves other hosts' images from Parley's own proxy, never from the third party", () => {
    configureImageUrls('a-secret-that-is-long-enough-for-the-proxy-key');
    const html = renderPostHtml('![ok](https://cdn.example.com/a.png)');
    const src = /<img src="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(src).toMatch(/^\/media\/external\/[A-Za-z0-9_-]{22}\/[A-Za-z0-9_-]+$/);
    const [, , , signature, encoded] = src.split('/');
    expect(verifyProxiedImage(signature, encoded)).toBe('https://cdn.example.com/a.png');
    expect(
      verifyProxiedImage(signature, Buffer.from('https://evil.example/x.png').toString('base64url')),
    ).toBeNull();
  });

  it('shows them as links only when the forum says so', () => {
    configureImageUrls('a-secret-that-is-long-enough-for-the-proxy-key');
    expect(renderPostHtml('![ok](https://cdn.example.com/a.png)', 'links')).toBe(
      '<p><a href="https://cdn.example.com/a.png" rel="nofollow ugc noopener">ok</a></p>\n',
    );
  });

  it('keeps own uploads as they are and drops other relative images', () => {
    const own = '/media/AAAAAAAAAAAAAAAAAAAAAA/screen.png';
    expect(renderPostHtml(`![s](${own})`)).toContain(`<img src="${own}" alt="s" />`);
    expect(renderPostHtml('![s](/api/me)')).not.toContain('<img');
  });

  it('refuses protocol-relative links that would leave the site silently', () => {
    expect(renderPostHtml('[x](//evil.example)')).not.toContain('evil.example"');
  });
});

describe('sanitizeUserHtml', () => {
  it('removes dangerous elements with their content and keeps the harmless ones', () => {
    const html = sanitizeUserHtml(
      '<p onclick="x()">hi</p><style>p{}</style><iframe src="https://e"></iframe><svg><script>1</script></svg>' +
        '<form action="javascript:1"><input></form><textarea><b>x</b></textarea><xmp><script>1</script></xmp>',
    );
    expect(html).toBe('<p>hi</p>');
  });

  it('drops entity-encoded and whitespace-padded javascript: URLs', () => {
    const html = sanitizeUserHtml(
      '<a href="&#106;avascript:alert(1)">a</a><a href=" javascript:alert(1)">b</a><a href="java&#x09;script:1">c</a>',
    );
    expect(html).not.toMatch(/href/);
  });
});
