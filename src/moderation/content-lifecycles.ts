import { Injectable } from '@nestjs/common';
import { NotFound } from '../infra/errors/app-error';
import type { ContentLifecycle, ModeratedContent } from '../content/content-lifecycle';
import { MessageLifecycle } from '../boards/message-lifecycle.service';
import { PostLifecycle } from '../posts/post-lifecycle.service';
import type { ReviewTargetType } from './review-item';

/** Finds the owner of a kind of content (posts, boards), and the content itself (404 when either is missing). */
@Injectable()
export class ContentLifecycles {
  private readonly byKind = new Map<ReviewTargetType, ContentLifecycle>();

  constructor(posts: PostLifecycle, messages: MessageLifecycle) {
    this.byKind.set(posts.kind, posts);
    this.byKind.set(messages.kind, messages);
  }

  adapter(kind: ReviewTargetType): ContentLifecycle {
    const adapter = this.byKind.get(kind);
    if (!adapter) throw new NotFound(kind === 'message' ? 'Board message' : 'Post');
    return adapter;
  }

  async require(
    kind: ReviewTargetType,
    id: string,
  ): Promise<{ adapter: ContentLifecycle; content: ModeratedContent }> {
    const adapter = this.adapter(kind);
    const content = await adapter.find(id);
    if (!content) throw new NotFound(kind === 'message' ? 'Board message' : 'Post');
    return { adapter, content };
  }
}
