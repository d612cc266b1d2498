import MarkdownIt from 'markdown-it';

/**
 * Markdown → HTML with markdown-it. Raw HTML in the source is escaped (`html: false`), so everything a user
 * types goes through Markdown's own constructs; the sanitizer still runs after this, because links, images
 * and autolinks can carry hostile URLs that only an allow-list reliably stops.
 */
const markdown = new MarkdownIt({
  html: false,
  linkify: true,
  typographer: false,
  breaks: true,
});

/**
 * Documents (the disclosure notice, the privacy statement) are written by admins with hard-wrapped source
 * lines: a single newline is a space there, as in any Markdown file; posts keep `breaks: true` (chat-like).
 */
const documentMarkdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// markdown-it's own URL check refuses javascript:, vbscript:, file: and most data: URLs; we tighten it further
// so that only web and mail links survive rendering (the sanitizer enforces the same list afterwards).
const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/)|\.{0,2}\/?[^:]*$)/i;
markdown.validateLink = (url: string): boolean => SAFE_URL.test(url.trim());
documentMarkdown.validateLink = markdown.validateLink;

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export function renderDocument(source: string): string {
  return documentMarkdown.render(source);
}
