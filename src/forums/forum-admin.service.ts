import { Injectable } from '@nestjs/common';
import { NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { Forum, ForumChanges, NewForum } from './forum';
import { ForumRepository } from './forum.repository';

/** What admins do to forums: create, edit (archive included) and reorder. */
@Injectable()
export class ForumAdminService {
  constructor(
    private readonly forums: ForumRepository,
    private readonly events: EventBus,
  ) {}

  create(input: NewForum): Promise<Forum> {
    return this.forums.insert({
      ...input,
      description: input.description ?? '',
      visibility: input.visibility ?? 'public',
      piiPolicy: input.piiPolicy ?? 'warn',
      phoneRegion: input.phoneRegion ?? 'US',
      externalImages: input.externalImages ?? 'proxy',
    });
  }

  async update(id: string, changes: ForumChanges): Promise<Forum> {
    const forum = await this.forums.update(id, changes);
    if (!forum) throw new NotFound('Forum');
    if (changes.moderatorIds !== undefined) {
      await this.events.emit(ForumEvent.ModerationRightsChanged, { forumId: forum.id });
    }
    return forum;
  }

  /** Positions are rewritten 10 apart so a later single move has room without renumbering everything. */
  async reorder(forumIds: string[]): Promise<Forum[]> {
    const known = await this.forums.findByIds(forumIds);
    if (known.length !== forumIds.length) throw new NotFound('Forum');
    await Promise.all(forumIds.map((id, index) => this.forums.setPosition(id, (index + 1) * 10)));
    return this.forums.list(true);
  }
}
