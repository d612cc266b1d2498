export const EXCERPT_LENGTH = 120;

/**
 * A short, plain-text cut of Markdown for an inbox line: markup characters and line breaks flattened,
 * cut at a word boundary. Short on purpose: every copy of post text is a place personal data can linger.
 */
export function excerptOf(markdown: string, max = EXCERPT_LENGTH): string {
  const flat = markdown
    // Markup only where it is markup: quote marks and heading marks open a line, a link keeps its text,
    // emphasis marks stand beside a word; `@dev_25bl`, `(#1)` and `2*3` stay as written.
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/[`~]+/g, '')
    .replace(/(^|[^\p{L}\p{N}])[*_]+(?=\S)/gu, '$1')
    .replace(/(\S)[*_]+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
