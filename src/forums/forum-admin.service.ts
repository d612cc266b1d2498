import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads as P } from '../infra/events/forum-events';
import { difference } from '../infra/events/list-difference';
import type { Forum, ForumChanges, NewForum } from './forum';
import { ForumRepository } from './forum.repository';

/** What admins do to forums: create, edit (archive included) and reorder. */
@Injectable()
export class ForumAdminService implements OnApplicationBootstrap {
  constructor(
    private readonly forums: ForumRepository,
    private readonly events: EventBus,
  ) {}

  /**
   * Forums whose moderator list was set before the lists were mirrored: their moderators' own lists catch up
   * (idempotent, forums are few).
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const forum of await this.forums.list(true)) {
      if (forum.moderatorIds.length === 0) continue;
      await this.events.emit(ForumEvent.ModerationRightsChanged, {
        forumId: forum.id,
        added: forum.moderatorIds,
      });
    }
  }

  async create(input: NewForum): Promise<Forum> {
    const forum = await this.forums.insert({
      ...input,
      description: input.description ?? '',
      visibility: input.visibility ?? 'public',
      piiPolicy: input.piiPolicy ?? 'warn',
      phoneRegion: input.phoneRegion ?? 'US',
      externalImages: input.externalImages ?? 'proxy',
    });
    if (forum.moderatorIds.length > 0) {
      await this.events.emit(ForumEvent.ModerationRightsChanged, {
        forumId: forum.id,
        added: forum.moderatorIds,
      });
    }
    return forum;
  }

  async update(id: string, changes: ForumChanges): Promise<Forum> {
    const before = await this.forums.findById(id);
    const forum = await this.forums.update(id, changes);
    if (!before || !forum) throw new NotFound('Forum');
    if (changes.moderatorIds !== undefined) {
      const { added, removed } = difference(before.moderatorIds, forum.moderatorIds);
      await this.events.emit(ForumEvent.ModerationRightsChanged, { forumId: forum.id, added, removed });
    }
    return forum;
  }

  /** A user's own list of moderated forums changed (users module): the forums' lists follow. */
  @OnEvent(ForumEvent.ModerationRightsChanged, { async: true, promisify: true })
  async followUserRights(change: P['moderation.rights_changed']): Promise<void> {
    if (!('userId' in change)) return;
    for (const forumId of change.added ?? []) await this.forums.addModerator(forumId, change.userId);
    for (const forumId of change.removed ?? []) await this.forums.removeModerator(forumId, change.userId);
  }

  /** Positions are rewritten 10 apart so a later single move has room without renumbering everything. */
  async reorder(forumIds: string[]): Promise<Forum[]> {
    const known = await this.forums.findByIds(forumIds);
    if (known.length !== forumIds.length) throw new NotFound('Forum');
    await Promise.all(forumIds.map((id, index) => this.forums.setPosition(id, (index + 1) * 10)));
    return this.forums.list(true);
  }
}
