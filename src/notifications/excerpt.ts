export const EXCERPT_LENGTH = 120;

/**
 * A short, plain-text cut of Markdown for an inbox line: markup characters and line breaks flattened,
 * cut at a word boundary. Short on purpose: every copy of post text is a place personal data can linger.
 */
export function excerptOf(markdown: string, max = EXCERPT_LENGTH): string {
  const flat = markdown
    .replace(/[`*_>#~[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
