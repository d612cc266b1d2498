import { excerptAround, scoreOf } from './post-search.service';
import type { Post } from './post';
import {
  escapeRegExp,
  normaliseForSearch,
  occurrencesOf,
  plainTextOfHtml,
  searchTermsOf,
} from './search-text';
import type { Topic } from './topic';

describe('search text', () => {
  it('normalises case, width and whitespace', () => {
    expect(normaliseForSearch('  Ｈello\n\tWORLD ')).toBe('hello world');
  });

  it('escapes every regular-expression character so a query is always a literal', () => {
    const hostile = '.*+?^${}()|[]\\/-';
    const pattern = new RegExp(escapeRegExp(hostile));
    expect(pattern.test(hostile)).toBe(true);
    expect(pattern.test('anything else')).toBe(false);
  });
});

describe('search terms', () => {
  it('are words: stemmed, diacritics folded, case ignored, stop words and single letters left out', () => {
    expect(searchTermsOf('The Markdown TABLES are syncing at a Café')).toEqual([
      'markdown',
      'tabl',
      'sync',
      'cafe',
    ]);
    expect(searchTermsOf('tables')).toEqual(searchTermsOf('table'));
    // A decomposed accent folds like a precomposed one.
    expect(searchTermsOf('cafe\u0301')).toEqual(searchTermsOf('café'));
  });

  it('keep numbers and mixed words as written (a single digit too)', () => {
    expect(searchTermsOf('v2 build 0100, step 3')).toEqual(['v2', 'build', '0100', 'step', '3']);
  });

  it('are distinct, and a regular expression in the text is only words', () => {
    expect(searchTermsOf('sync sync SYNC (a+)+$ [x]')).toEqual(['sync']);
  });

  it('find the words of the original text with their offsets', () => {
    const text = 'Café tables';
    expect(occurrencesOf(text).map(({ term, start, end }) => [term, text.slice(start, end)])).toEqual([
      ['cafe', 'Café'],
      ['tabl', 'tables'],
    ]);
  });
});

describe('search excerpts', () => {
  it('are the rendered text, entities decoded and blocks apart', () => {
    expect(plainTextOfHtml('<p>a &amp; b</p><blockquote><p>quoted</p></blockquote><ul><li>x</li></ul>')).toBe(
      'a & b quoted x',
    );
  });

  it('mark every matched word and centre on the densest cluster', () => {
    const filler = 'lorem ipsum '.repeat(30);
    const text = `table once. ${filler} the markdown table, a markdown tables story. ${filler}`;
    const { excerpt, highlights } = excerptAround(text, new Set(searchTermsOf('markdown table')));
    const marked = highlights.map(([start, end]) => excerpt.slice(start, end));
    expect(marked).toEqual(['markdown', 'table', 'markdown', 'tables']);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('search ranking', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  const post = (overrides: Partial<Post>): Post =>
    ({ seq: 2, source: 'a word', likeCount: 0, createdAt: '2026-11-30T00:00:00Z', ...overrides }) as Post;
  const topic = (title: string) => ({ title }) as Topic;
  const terms = searchTermsOf('sync stops');

  it('puts a title hit above a passing mention', () => {
    const inTitle = scoreOf(post({ seq: 1 }), topic('Sync stops at night'), terms, now);
    const inText = scoreOf(post({ source: 'sync stops' }), topic('Other'), terms, now);
    expect(inTitle).toBeGreaterThan(inText);
  });

  it('puts frequent words, liked posts and recent posts higher, all else equal', () => {
    const base = scoreOf(post({ source: 'sync stops' }), topic('Other'), terms, now);
    expect(
      scoreOf(post({ source: 'sync stops; sync stops again' }), topic('Other'), terms, now),
    ).toBeGreaterThan(base);
    expect(
      scoreOf(post({ source: 'sync stops', likeCount: 12 }), topic('Other'), terms, now),
    ).toBeGreaterThan(base);
    const old = post({ source: 'sync stops', createdAt: '2024-11-30T00:00:00Z' });
    expect(scoreOf(old, topic('Other'), terms, now)).toBeLessThan(base);
  });
});
