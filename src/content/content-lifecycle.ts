import { AppError } from '../infra/errors/app-error';
import type { ContentView } from '../infra/events/forum-events';
import type { FindingsSummary } from '../publishing/publish-decision';

/**
 * Numbered content in a container (a post in a topic, a message on a board) and the lifecycle steps its owner
 * performs on it: posts and boards each implement ContentLifecycle (PostLifecycle, MessageLifecycle) with their
 * own storage, counters and live events; moderation decides, records the audit entry and calls them.
 */
export type ContentKind = 'post' | 'message';

/** A post or a board message as moderation sees it, whichever module stores it. */
export interface ModeratedContent {
  kind: ContentKind;
  id: string;
  forumId: string;
  /** The topic (posts) or board (messages) it belongs to. */
  containerId: string;
  seq: number;
  authorId: string | null;
  authorName: string;
  status: string;
  source: string;
  html: string;
  /** The topic title when this is a topic's first post (public text too, so redaction covers it). */
  title: string | null;
  findings: FindingsSummary | null;
  /** An author's edit of a published item, parked for review: approve publishes it, reject drops it. */
  pendingEdit: { source: string; title: string | null } | null;
  /** The posts this one quotes (removing personal info from one of them follows into the quote). */
  quotedIds: string[];
  createdAt: string;
}

/** What a redaction changes, decided by RedactionService before any store is touched. */
export interface RedactionChange {
  source: string;
  title: string | null;
  findings: FindingsSummary | null;
  /** Each removed value with the label that replaces it, for revisions and side stores. */
  replacements: Array<{ value: string; label: string }>;
  /** How many spans of each type were removed (the live event and the audit entry carry these). */
  counts: Record<string, number>;
}

/**
 * One implementation per kind of content, in the module that stores it: the storage, counters and live events of
 * each step. Access checks, audit, queue and notifications stay in moderation's services, once for both.
 */
export interface ContentLifecycle {
  readonly kind: ContentKind;
  find(id: string): Promise<ModeratedContent | null>;
  /** held → visible, with the counters and the live `*.created` a publish would have had. */
  approve(content: ModeratedContent): Promise<ModeratedContent>;
  /** A parked edit becomes the published text (approve: true) or is dropped (approve: false). */
  settlePendingEdit(content: ModeratedContent, approve: boolean): Promise<ModeratedContent>;
  /** Any of `from` → the new status, with its live event; null when the item was not in one of `from`. */
  setStatus(
    content: ModeratedContent,
    to: 'hidden' | 'visible' | 'removed',
    from: string[],
    reason?: string,
  ): Promise<ModeratedContent | null>;
  /** A moderator's edit: keeps the previous text as a revision (with the reason), re-renders, announces. */
  edit(
    content: ModeratedContent,
    source: string,
    findings: FindingsSummary | null,
    editorId: string,
    reason: string,
  ): Promise<ModeratedContent>;
  /** Rewrites the text, the title, every revision and the search copy; emits `*.redacted` with the new HTML. */
  redact(
    content: ModeratedContent,
    change: RedactionChange,
  ): Promise<{ content: ModeratedContent; view: ContentView }>;
  /** The text of every stored earlier version, so a redaction can also find values edited out before. */
  revisionTexts(id: string): Promise<string[]>;
}

/** The step's item moved on since moderation read it (approved, removed or deleted meanwhile). */
export const noLongerInState = (kind: ContentKind) =>
  new AppError('state_changed', `The ${kind} is no longer in a state this action applies to`);

/** Every other occurrence of a removed value in a text (a title, an older revision). */
export function replaceValues(
  text: string,
  replacements: ReadonlyArray<{ value: string; label: string }>,
): string {
  return replacements.reduce(
    (current, { value, label }) => (value ? current.split(value).join(label) : current),
    text,
  );
}
