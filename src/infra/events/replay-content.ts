import { Injectable } from '@nestjs/common';

/** Who a replay is for, as far as seeing content goes: the same two facts the REST views decide by. */
export interface ReplayViewer {
  user?: { id: string };
  /** Moderates the forum the room belongs to. */
  moderator: boolean;
}

/** One piece of content as this viewer would see it on a fresh page load. */
export interface RenderedContent {
  view: Record<string, unknown>;
  /** Still waiting for a moderator (a held post, or a published one with an edit parked for review). */
  awaitingReview: boolean;
}

export type ContentKind = 'post' | 'message' | 'topic';

/**
 * Renders content by id from its current state; an id missing from the answer is not shown to this viewer
 * (gone, held by someone else, in a topic they cannot read).
 */
export type ContentRenderer = (ids: string[], viewer: ReplayViewer) => Promise<Map<string, RenderedContent>>;

/**
 * The room log keeps references, never content (docs/realtime.md, "What replay shows"): a replay asks the module
 * that owns the content to render it as it is now, for the viewer who asked. Modules register a renderer for
 * their kind of content ('post' and 'topic' by posts, 'message' by boards).
 */
@Injectable()
export class ReplayContent {
  private readonly renderers = new Map<ContentKind, ContentRenderer>();

  register(kind: ContentKind, renderer: ContentRenderer): void {
    this.renderers.set(kind, renderer);
  }

  async render(
    kind: ContentKind,
    ids: string[],
    viewer: ReplayViewer,
  ): Promise<Map<string, RenderedContent>> {
    const renderer = this.renderers.get(kind);
    if (!renderer) throw new Error(`no replay renderer for ${kind}`);
    return ids.length === 0 ? new Map() : renderer([...new Set(ids)], viewer);
  }
}
