import { renderDocument, renderMarkdown } from './markdown-renderer';

describe('markdown-renderer', () => {
  const wrapped =
    'Everything you write here is public:\nsearch engines index these forums.\n\nSecond paragraph.';

  it('renders a document’s hard-wrapped lines as one paragraph', () => {
    expect(renderDocument(wrapped)).toBe(
      '<p>Everything you write here is public:\nsearch engines index these forums.</p>\n<p>Second paragraph.</p>\n',
    );
  });

  it('keeps a post’s line breaks, as people type them', () => {
    expect(renderMarkdown(wrapped)).toContain('public:<br>');
  });
});
