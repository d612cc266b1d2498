import type {
  ContentKind,
  RenderedContent,
  ReplayContent,
  ReplayViewer,
} from '../infra/events/replay-content';

type Payload = Record<string, unknown>;

/**
 * What the room log keeps of an event: its facts, and in place of the content it showed a reference (`{ id }`
 * for a post or message; `null` for a topic title). Edits, hides, retitles, redaction and account deletion then
 * need no rewrite of the log: there is nothing in it to rewrite (docs/realtime.md, "What replay shows").
 */
export function toStoredPayload(payload: Payload): Payload {
  const stored: Payload = { ...payload };
  for (const key of ['post', 'message'] as const) {
    const view = payload[key] as { id?: unknown } | undefined;
    if (view && typeof view.id === 'string') stored[key] = { id: view.id };
  }
  if (typeof payload.title === 'string') stored.title = null;
  const topic = payload.topic as Payload | undefined;
  if (topic && topic.title !== undefined) stored.topic = { ...topic, title: null };
  return stored;
}

interface Replayed {
  event: string;
  payload: Payload;
}

/**
 * Fills stored events with their content rendered now for this viewer, in two reads at most per kind of
 * content. An event whose content this viewer would not see on a fresh page load is left out (the join's
 * acknowledgement still moves the client past its number), and so is a `*.held` event whose content no longer
 * waits for a moderator.
 */
export async function renderForViewer<T extends Replayed>(
  events: T[],
  viewer: ReplayViewer,
  content: ReplayContent,
): Promise<T[]> {
  const wanted: Record<ContentKind, string[]> = { post: [], message: [], topic: [] };
  for (const { payload } of events) {
    for (const [kind, id] of references(payload)) wanted[kind].push(id);
  }
  const [posts, messages, topics] = await Promise.all(
    (['post', 'message', 'topic'] as const).map((kind) => content.render(kind, wanted[kind], viewer)),
  );
  const found: Record<ContentKind, Map<string, RenderedContent>> = {
    post: posts,
    message: messages,
    topic: topics,
  };
  return events.flatMap((stored) => {
    const payload: Payload = { ...stored.payload };
    for (const [kind, id, key] of references(stored.payload)) {
      const rendered = found[kind].get(id);
      if (!rendered) return [];
      if (stored.event.endsWith('.held') && !rendered.awaitingReview) return [];
      if (kind === 'topic') fillTitle(payload, key, rendered.view.title);
      else payload[key] = rendered.view;
    }
    return [{ ...stored, payload }];
  });
}

/** [kind, id, where in the payload] of every piece of content the stored payload refers to. */
function references(payload: Payload): Array<[ContentKind, string, string]> {
  const refs: Array<[ContentKind, string, string]> = [];
  for (const key of ['post', 'message'] as const) {
    const ref = payload[key] as { id?: unknown } | undefined;
    if (ref && typeof ref.id === 'string') refs.push([key, ref.id, key]);
  }
  const topicId = typeof payload.topicId === 'string' ? payload.topicId : null;
  if (topicId && payload.title !== undefined) refs.push(['topic', topicId, 'title']);
  const topic = payload.topic as Payload | undefined;
  if (topicId && topic && topic.title !== undefined) refs.push(['topic', topicId, 'topic.title']);
  return refs;
}

function fillTitle(payload: Payload, key: string, title: unknown): void {
  if (key === 'title') payload.title = title;
  else payload.topic = { ...(payload.topic as Payload), title };
}
