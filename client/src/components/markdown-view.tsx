import { useEffect, useState } from 'react';

type Render = (source: string) => string;
let loaded: Promise<{ post: Render; document: Render }> | null = null;

/** markdown-it is loaded on first use, so reading pages (server-rendered HTML) never pay for it. */
export function loadMarkdown(): Promise<{ post: Render; document: Render }> {
  loaded ??= import('@markdown').then((module) => ({
    post: module.renderMarkdown,
    document: module.renderDocument,
  }));
  return loaded;
}

/**
 * Renders Markdown with the server's own settings: raw HTML is escaped (html: false) and links are
 * limited to web and mail URLs, so this is safe to inject.
 */
export function MarkdownView({
  source,
  className,
  document = false,
}: {
  source: string;
  className?: string;
  /** A notice or statement: hard-wrapped source lines join into paragraphs (posts keep line breaks). */
  document?: boolean;
}) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadMarkdown().then((render) => live && setHtml((document ? render.document : render.post)(source)));
    return () => {
      live = false;
    };
  }, [source, document]);
  if (html === null) return <div className={className}>{source}</div>;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** HTML the server already sanitized with its allow-list (posts, messages). */
export function ServerHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
