import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { sanitizeUserHtml } from '../../src/infra/rendering/html-sanitizer';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const payloads: string[] = JSON.parse(readFileSync(join(__dirname, '../fixtures/xss/payloads.json'), 'utf8'));

const ALLOWED_TAGS = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 strong em b i s del code pre blockquote ul ol li a img table thead tbody tr th td'.split(
    ' ',
  ),
);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'rel', 'src', 'alt', 'class', 'start']);
const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  sol: '/',
};

/** Decodes numeric and the scheme-relevant named entities, as a browser would before reading a URL. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole);
}

/** Everything that would execute or load active content, found in stored HTML. */
function executableContent(html: string): string[] {
  const problems: string[] = [];
  const decoded = decodeEntities(html);
  if (/<\s*script/i.test(decoded)) problems.push('script tag');
  for (const [, name, attributes] of html.matchAll(/<\s*([a-z0-9:-]+)([^>]*)>/gi)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) problems.push(`tag <${name}>`);
    for (const [, attribute, value = ''] of attributes.matchAll(
      /([^\s=/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g,
    )) {
      const attr = attribute.toLowerCase();
      if (/^on/.test(attr)) problems.push(`event handler ${attr}`);
      if (!ALLOWED_ATTRIBUTES.has(attr)) problems.push(`attribute ${attr}`);
      const url = decodeEntities(value.replace(/^["']|["']$/g, ''))
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters inside a scheme
        .replace(/[\u0000-\u0020\u007f-\u00a0]/g, '')
        .toLowerCase();
      if (/^(javascript|data|vbscript|file):/.test(url)) problems.push(`${attr} URL ${url.slice(0, 20)}`);
      // Images come from Parley's own media routes (uploads, the image proxy) or over https.
      if (attr === 'src' && !url.startsWith('https://') && !/^\/media\/[a-z0-9_-]+\//.test(url)) {
        problems.push(`image not over https or from /media/: ${url}`);
      }
      if (attr === 'href' && url.startsWith('//')) problems.push('protocol-relative link');
      if (attr === 'style') problems.push('style attribute');
    }
  }
  if (/<\/?\s*(style|iframe|object|embed|form|svg|math|xmp|textarea|base|meta|link)\b/i.test(decoded)) {
    problems.push('forbidden element');
  }
  return problems;
}

describe('Rendering hostile posts', () => {
  let api: TestApp;
  let author: TestUser;
  let topicId: string;
  let connection: Connection;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin);
    author = await registerAuthor(api);
    topicId = (await createTopic(api, author, forum.slug)).id;
    connection = api.app.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await api.close();
  });

  /** Replies like a user would; if the personal-data check asks, acknowledges exactly what it found. */
  async function publish(body: string): Promise<string> {
    const first = await api.http.post(`/api/topics/${topicId}/posts`).set(author.auth).send({ body });
    if (first.status === 201) return first.body.post.id;
    if (first.status !== 422) throw new Error(`${first.status} ${JSON.stringify(first.body)}`);
    const acknowledgePersonalData = first.body.details.findingsDigest;
    const second = await api.http
      .post(`/api/topics/${topicId}/posts`)
      .set(author.auth)
      .send({ body, acknowledgePersonalData })
      .expect(201);
    return second.body.post.id;
  }

  it(`keeps the fixture large enough to matter (${payloads.length} payloads)`, () => {
    expect(payloads.length).toBeGreaterThanOrEqual(60);
  });

  it('stores no executable content for any known filter-evasion payload', async () => {
    const failures: Array<{ payload: string; html: string; problems: string[] }> = [];
    for (const payload of payloads) {
      const id = await publish(payload);
      const stored = await connection.collection('posts').findOne({ _id: new Types.ObjectId(id) });
      const html = String(stored?.html);
      const problems = executableContent(html);
      if (problems.length > 0) failures.push({ payload, html, problems });
    }
    expect(failures).toEqual([]);
  });

  it('strips every payload with the sanitizer alone, as if Markdown had let raw HTML through', () => {
    const failures = payloads
      .map((payload) => ({ payload, problems: executableContent(sanitizeUserHtml(payload)) }))
      .filter((result) => result.problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('keeps the harmless parts of a hostile post readable', async () => {
    const id = await publish('<a href="https://ok.example" onclick="alert(1)">ok with handler</a> **bold**');
    const stored = await connection.collection('posts').findOne({ _id: new Types.ObjectId(id) });
    expect(stored?.html).toContain('<strong>bold</strong>');
    expect(stored?.html).toContain('ok with handler');
  });

  it('recognises executable content when it is there (the checker itself can fail)', () => {
    expect(executableContent('<img src="https://x/y.png" onerror="alert(1)">')).toContain(
      'event handler onerror',
    );
    expect(executableContent('<a href="&#106;avascript:alert(1)">x</a>')).toEqual([
      'href URL javascript:alert(1)',
    ]);
    expect(executableContent('<svg><p>x</p></svg>')).toContain('tag <svg>');
  });
});
