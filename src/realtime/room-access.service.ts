import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { BoardAccessService } from '../boards/board-access.service';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import { TopicAccessService } from '../posts/topic-access.service';
import type { RoomRef } from './socket-protocol';

export interface RoomGrant {
  forumId: string;
  moderator: boolean;
}

/** Joining a room is authorised exactly like reading it over REST (the same services answer). */
@Injectable()
export class RoomAccessService {
  constructor(
    private readonly forums: ForumsService,
    private readonly topics: TopicAccessService,
    private readonly boards: BoardAccessService,
  ) {}

  async authorize(user: AuthUser | undefined, ref: RoomRef): Promise<RoomGrant> {
    switch (ref.kind) {
      case 'forum': {
        const forum = await this.forums.requireReadable(user, ref.key);
        return { forumId: forum.id, moderator: canModerateForum(user, forum.id) };
      }
      case 'topic': {
        const { forum, moderator } = await this.topics.readable(user, ref.key);
        return { forumId: forum.id, moderator };
      }
      case 'board': {
        const { forum, moderator } = await this.boards.readable(user, ref.key);
        return { forumId: forum.id, moderator };
      }
      case 'mod': {
        if (!user) throw new AppError('unauthenticated', 'Sign in to follow a moderators’ room');
        const forum = await this.forums.findById(ref.key);
        if (!forum) throw new NotFound('Forum');
        if (!canModerateForum(user, forum.id))
          throw new AppError('forbidden', 'Only moderators of this forum');
        return { forumId: forum.id, moderator: true };
      }
    }
  }
}
