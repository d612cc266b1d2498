/** Search works on a lower-cased, normalised copy of the text (no $text and no collations in the portable query subset). */
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

/** A pattern matching the normalised query as a literal substring. */
export function searchPattern(query: string): string {
  return escapeRegExp(normaliseForSearch(query));
}
