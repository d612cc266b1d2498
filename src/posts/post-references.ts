/**
 * What a post's Markdown refers to. Quotes use a plain Markdown blockquote whose first line names the quoted
 * post by its sequence number in the same topic:
 *
 *     > @ann wrote (#12):
 *     > the quoted text
 *
 * so it renders as an ordinary blockquote everywhere (no custom renderer rule) and the reference survives edits.
 */
// "a deleted user wrote": the header of a quote whose author deleted their account (eraseName), still a quote.
const QUOTE_HEADER = /^ {0,3}> ?(?:@[A-Za-z0-9_.-]{1,40}|a deleted user) wrote \(#(\d{1,9})\):/gm;
// Not preceded by a word character, `@` or `.`, so e-mail addresses are not mentions.
const MENTION = /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,30}[A-Za-z0-9_])?)/g;
const FENCED_OR_INLINE_CODE = /```[\s\S]*?```|`[^`\n]*`/g;

export const MAX_MENTIONS = 20;
export const MAX_QUOTES = 20;

/** Lower-cased, distinct usernames mentioned outside code, at most MAX_MENTIONS. */
export function extractMentions(markdown: string): string[] {
  const text = markdown.replace(FENCED_OR_INLINE_CODE, ' ');
  const names = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    names.add(match[1].toLowerCase());
    if (names.size >= MAX_MENTIONS) break;
  }
  return [...names];
}

/** Distinct sequence numbers of quoted posts, in order of appearance. */
export function extractQuotedSeqs(markdown: string): number[] {
  const seqs = new Set<number>();
  for (const match of markdown.matchAll(QUOTE_HEADER)) {
    seqs.add(Number(match[1]));
    if (seqs.size >= MAX_QUOTES) break;
  }
  return [...seqs];
}

/** What a deleted account's name becomes in other people's posts (quote headers and mentions). */
export const ERASED_NAME = 'a deleted user';

/**
 * Account deletion: every `@username` (quote headers and mentions, any case, code included: it is still the
 * name) reads "a deleted user". Other names, including longer ones that start with it, stay.
 */
export function eraseName(text: string, username: string): string {
  const name = username.toLowerCase();
  return text.replace(MENTION, (match, found: string) =>
    found.toLowerCase() === name ? ERASED_NAME : match,
  );
}
