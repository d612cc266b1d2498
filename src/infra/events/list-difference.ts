/** What `after` adds to `before` and what it drops: the change one side of a mirrored list sends the other. */
export function difference(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return { added: [...now].filter((id) => !was.has(id)), removed: [...was].filter((id) => !now.has(id)) };
}
