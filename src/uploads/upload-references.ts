/** Upload ids a post's Markdown refers to (`/media/<id>/<name>` as the composer writes them), first use first. */
export function uploadIdsIn(markdown: string): string[] {
  const ids = new Set<string>();
  for (const match of markdown.matchAll(/\/media\/([A-Za-z0-9_-]{22})(?=[/)\s"'>]|$)/g)) ids.add(match[1]);
  return [...ids];
}
