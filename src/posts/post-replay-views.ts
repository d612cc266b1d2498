import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReplayContent, type RenderedContent, type ReplayViewer } from '../infra/events/replay-content';
import { toPostView } from './post-view';
import { PostRepository } from './post.repository';
import type { TopicStatus } from './topic';
import { TopicRepository } from './topic.repository';

/** Topics a viewer finds in a forum's list: the same statuses the forum page shows them. */
function listedStatuses(viewer: ReplayViewer): TopicStatus[] {
  return viewer.moderator ? ['visible', 'held', 'hidden'] : ['visible'];
}

/**
 * Posts and topic titles for socket replay, rendered from their current state with the views REST uses: a
 * replay from 0 shows each viewer what a fresh page load shows them, whatever was edited, hidden, retitled,
 * redacted or deleted since the event went out.
 */
@Injectable()
export class PostReplayViews implements OnModuleInit {
  constructor(
    private readonly content: ReplayContent,
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
  ) {}

  onModuleInit(): void {
    this.content.register('post', (ids, viewer) => this.renderPosts(ids, viewer));
    this.content.register('topic', (ids, viewer) => this.renderTitles(ids, viewer));
  }

  private async renderPosts(ids: string[], viewer: ReplayViewer): Promise<Map<string, RenderedContent>> {
    const posts = await this.posts.findByIds(ids);
    const readable = await this.readableTopics(
      posts.map((post) => post.topicId),
      viewer,
    );
    const rendered = new Map<string, RenderedContent>();
    for (const post of posts) {
      if (!readable.has(post.topicId)) continue;
      const view = toPostView(post, viewer);
      if (!view) continue;
      // Events never carry what only the edit form needs.
      delete view.source;
      delete view.findings;
      rendered.set(post.id, {
        view: { ...view },
        awaitingReview: post.status === 'held' || !!post.pendingEdit,
      });
    }
    return rendered;
  }

  private async renderTitles(ids: string[], viewer: ReplayViewer): Promise<Map<string, RenderedContent>> {
    const topics = await this.topics.findByIds(ids);
    const listed = listedStatuses(viewer);
    return new Map(
      topics
        .filter((topic) => listed.includes(topic.status))
        .map((topic) => [
          topic.id,
          { view: { title: topic.title }, awaitingReview: topic.status === 'held' },
        ]),
    );
  }

  private async readableTopics(topicIds: string[], viewer: ReplayViewer): Promise<Set<string>> {
    const listed = listedStatuses(viewer);
    const topics = await this.topics.findByIds([...new Set(topicIds)]);
    return new Set(topics.filter((topic) => listed.includes(topic.status)).map((topic) => topic.id));
  }
}
