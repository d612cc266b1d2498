/** Pure edits of a text and its selection, for the toolbar, quotes and mention completion. */
export interface Edited {
  text: string;
  /** Where the caret (or selection) goes afterwards. */
  start: number;
  end: number;
}

/** Inserts `insert` at the caret (replacing a selection), on a line of its own when `block` is set. */
export function insertAt(text: string, start: number, end: number, insert: string, block = false): Edited {
  let before = text.slice(0, start);
  const after = text.slice(end);
  let piece = insert;
  if (block) {
    if (before && !before.endsWith('\n\n')) before += before.endsWith('\n') ? '\n' : '\n\n';
    if (after && !piece.endsWith('\n\n')) piece += piece.endsWith('\n') ? '\n' : '\n\n';
  }
  const caret = before.length + piece.length;
  return { text: before + piece + after, start: caret, end: caret };
}

/** Wraps the selection in `left`/`right` (or inserts `placeholder` wrapped and selects it). */
export function wrap(
  text: string,
  start: number,
  end: number,
  left: string,
  right: string,
  placeholder: string,
) {
  const inner = text.slice(start, end) || placeholder;
  const next = text.slice(0, start) + left + inner + right + text.slice(end);
  return { text: next, start: start + left.length, end: start + left.length + inner.length };
}

/** Puts `prefix` at the start of every line the selection touches (quotes, lists). */
export function prefixLines(text: string, start: number, end: number, prefix: string): Edited {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const selected = text.slice(lineStart, end) || '';
  const lines = selected.split('\n').map((line) => prefix + line);
  const replaced = lines.join('\n');
  const next = text.slice(0, lineStart) + replaced + text.slice(end);
  return { text: next, start: lineStart + replaced.length, end: lineStart + replaced.length };
}

/** The `@name` being typed right before the caret, if any: where it starts and what is typed so far. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^\w@`])@(\w{0,32})$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2] };
}
