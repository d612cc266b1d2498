import { useEffect, useState } from 'react';

type Render = (source: string) => string;
let loaded: Promise<Render> | null = null;

/** markdown-it is loaded on first use, so reading pages (server-rendered HTML) never pay for it. */
export function loadMarkdown(): Promise<Render> {
  loaded ??= import('@markdown').then((module) => module.renderMarkdown);
  return loaded;
}

/**
 * Renders Markdown with the server's own settings: raw HTML is escaped (html: false) and links are
 * limited to web and mail URLs, so this is safe to inject.
 */
export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadMarkdown().then((render) => live && setHtml(render(source)));
    return () => {
      live = false;
    };
  }, [source]);
  if (html === null) return <div className={className}>{source}</div>;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** HTML the server already sanitized with its allow-list (posts, messages). */
export function ServerHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
