import { escapeRegExp, normaliseForSearch, searchPattern } from './search-text';

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

  it('turns a query such as "(a+)+$" into a literal pattern', () => {
    expect(new RegExp(searchPattern('(A+)+$')).test('aaaa')).toBe(false);
    expect(new RegExp(searchPattern('(A+)+$')).test('x (a+)+$ y')).toBe(true);
  });
});
