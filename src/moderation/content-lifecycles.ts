import { Injectable } from '@nestjs/common';
import { NotFound } from '../infra/errors/app-error';
import type { ContentAdapter, ModeratedContent } from './moderated-content';
import { MessageContentAdapter } from './message-content.adapter';
import { PostContentAdapter } from './post-content.adapter';
import type { ReviewTargetType } from './review-item';

/** Finds the adapter for a kind of content, and the content itself (404 when either is missing). */
@Injectable()
export class ContentAdapters {
  private readonly byKind = new Map<ReviewTargetType, ContentAdapter>();

  constructor(posts: PostContentAdapter, messages: MessageContentAdapter) {
    this.byKind.set(posts.kind, posts);
    this.byKind.set(messages.kind, messages);
  }

  adapter(kind: ReviewTargetType): ContentAdapter {
    const adapter = this.byKind.get(kind);
    if (!adapter) throw new NotFound(kind === 'message' ? 'Board message' : 'Post');
    return adapter;
  }

  async require(
    kind: ReviewTargetType,
    id: string,
  ): Promise<{ adapter: ContentAdapter; content: ModeratedContent }> {
    const adapter = this.adapter(kind);
    const content = await adapter.find(id);
    if (!content) throw new NotFound(kind === 'message' ? 'Board message' : 'Post');
    return { adapter, content };
  }
}
