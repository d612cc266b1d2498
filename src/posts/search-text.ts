import { Parser } from 'htmlparser2';
import { stem } from 'porter2';

/**
 * Two search copies are kept on a post, both derived from its title (first post only) and Markdown source:
 * `searchText`, the lower-cased normalised text (substring lookups by the erasure of a name), and
 * `searchTerms`, its words: diacritics folded, English-stemmed, stop words left out. A multikey index on the
 * terms serves word search on every engine and on MongoDB ($text is outside the portable query subset).
 */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The text stored for search: the title (first post only) and the Markdown source. */
export function searchTextOf(source: string, title?: string | null): string {
  return normaliseForSearch(title ? `${title} ${source}` : source);
}

/** Every character with a meaning in a regular expression is escaped: the user never supplies a pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A post stores at most this many distinct terms (a 64 KB post of unrepeated words is cut, the rest of it is
 * found by its first terms): the multikey index holds one key per term.
 */
export const MAX_TERMS_PER_POST = 2_000;
const MAX_TERM_LENGTH = 40;

// The commonest English function words: matched by nearly every post, they only slow a query down.
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there these they this to was we were what when which who will with ' +
    'you your'
  ).split(' '),
);

/** A word as it is compared: folded, lower-cased, stemmed when it is made of letters only. */
function termOf(word: string): string | null {
  if (word.length > MAX_TERM_LENGTH || STOP_WORDS.has(word)) return null;
  if (word.length < 2 && !/\d/.test(word)) return null;
  return /^\p{L}+$/u.test(word) ? stem(word) : word;
}

/** Folded for comparison: compatibility forms unified, diacritics removed, lower-cased. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// A word: letters, digits and the combining marks on them (folding drops the marks).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The distinct terms of a text, in the order they first appear. */
export function searchTermsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of fold(text).matchAll(WORD)) {
    const term = termOf(word);
    if (term) terms.add(term);
    if (terms.size >= MAX_TERMS_PER_POST) break;
  }
  return [...terms];
}

/** The two search copies of a post (see the top of this file). */
export function searchFieldsOf(searchText: string): { searchText: string; searchTerms: string[] } {
  return { searchText, searchTerms: searchTermsOf(searchText) };
}

export interface TermOccurrence {
  term: string;
  start: number;
  end: number;
}

/** Every word of `text` with its term and its place: offsets into `text` itself, for highlighting. */
export function occurrencesOf(text: string): TermOccurrence[] {
  const found: TermOccurrence[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(fold(match[0]));
    if (term) found.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

// Elements that end a run of text: their words must not run into the next ones.
const BLOCK_TAG = /^(?:p|br|li|blockquote|pre|div|tr|td|th|h[1-6])$/;

/** The text a reader sees in rendered (already sanitised) HTML: entities decoded, blocks apart. */
export function plainTextOfHtml(html: string): string {
  let text = '';
  const parser = new Parser(
    {
      ontext: (chunk) => {
        text += chunk;
      },
      onopentag: (name) => {
        if (BLOCK_TAG.test(name)) text += ' ';
      },
      onclosetag: (name) => {
        if (BLOCK_TAG.test(name)) text += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\s+/g, ' ').trim();
}
