import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { PostRevisionRepository } from './post-revision.repository';
import { PostRepository } from './post.repository';

/**
 * The user's forum posts in their data export, with every stored revision of each. Deleted posts are
 * included (their source is kept for exactly this); other people's data (who liked, who mentioned) is not.
 */
@Injectable()
export class PostsPrivacySection implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly posts: PostRepository,
    private readonly revisions: PostRevisionRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'forumPosts', export: (userId) => this.export(userId) });
  }

  private async export(userId: string) {
    const posts = await this.posts.listByAuthor(userId);
    const revisions = await this.revisions.listForPosts(posts.map((post) => post.id));
    return posts.map((post) => ({
      id: post.id,
      topicId: post.topicId,
      forumId: post.forumId,
      seq: post.seq,
      status: post.status,
      source: post.source,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      likeCount: post.likeCount,
      revisions: revisions
        .filter((revision) => revision.postId === post.id)
        .map(({ rev, editedAt, reason, previousSource, previousTitle }) => ({
          rev,
          editedAt,
          reason,
          previousSource,
          previousTitle,
        })),
    }));
  }
}
