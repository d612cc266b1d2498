import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { NotFound } from '../infra/errors/app-error';
import { excerptOf } from '../notifications/excerpt';
import { PostRepository } from '../posts/post.repository';
import { TopicRepository } from '../posts/topic.repository';
import { UsersService } from '../users/users.service';

const RECENT_POSTS = 10;

/**
 * A member's public page: the names, when they joined, and what they wrote that this viewer could read
 * anyway (visible posts of visible topics in readable forums). Never an email, roles or restrictions.
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly users: UsersService,
    private readonly forums: ForumsService,
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
  ) {}

  async profile(viewer: AuthUser | undefined, username: string) {
    const [user] = await this.users.resolveUsernames([username.toLowerCase()]);
    if (!user || user.deleted) throw new NotFound('Member');
    const forumIds = (await this.forums.listReadable(viewer)).map((forum) => forum.id);
    const [recent, postCount] = await Promise.all([
      this.posts.recentVisibleByAuthor(user.id, forumIds, RECENT_POSTS),
      this.posts.countVisibleByAuthor(user.id, forumIds),
    ]);
    const topics = new Map(
      (await this.topics.findByIds([...new Set(recent.map((post) => post.topicId))])).map((t) => [t.id, t]),
    );
    const recentPosts = recent.flatMap((post) => {
      const topic = topics.get(post.topicId);
      if (!topic || topic.status !== 'visible') return [];
      return [
        {
          postId: post.id,
          topicId: post.topicId,
          topicTitle: topic.title,
          seq: post.seq,
          excerpt: excerptOf(post.source),
          createdAt: post.createdAt,
        },
      ];
    });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName || user.username,
      joinedAt: user.createdAt,
      postCount,
      recentPosts,
    };
  }
}
