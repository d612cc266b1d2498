import type { ExternalImages } from './external-images';
import { sanitizeUserHtml } from './html-sanitizer';
import { renderMarkdown } from './markdown-renderer';

/** The one way user Markdown becomes stored HTML: render, then sanitize with the shared allow-list. */
export function renderPostHtml(markdown: string, externalImages: ExternalImages = 'proxy'): string {
  return sanitizeUserHtml(renderMarkdown(markdown), externalImages);
}
