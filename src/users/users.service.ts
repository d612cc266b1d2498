import { Injectable } from '@nestjs/common';
import type { AuthUser, Role } from '../auth/access-policy';
import { actorRoleOf } from '../audit/audit-entry';
import { AuditLogService } from '../audit/audit-log.service';
import { NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ForumEventPayloads as P } from '../infra/events/forum-events';
import { difference } from '../infra/events/list-difference';
import { OnEvent } from '@nestjs/event-emitter';
import { DELETED_USER_NAME, type PublicProfile, type User, type UserStatus } from './user';
import { UserRepository } from './user.repository';

export interface Restriction {
  status: UserStatus;
  /** ISO time or Date; omitted for a silence or suspension without an end. */
  until?: string | Date;
  reason: string;
  /** The admin or moderator acting; undefined for the system. */
  byUser?: AuthUser;
}

// A restriction without an end date is stored with this one, so "until > now" stays the only rule.
const INDEFINITELY = new Date('9999-12-31T00:00:00.000Z');

/** Reading users for other modules, and the changes to roles and status that admins and moderators make. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditLogService,
    private readonly events: EventBus,
  ) {}

  findByIds(ids: string[]): Promise<User[]> {
    return this.users.findByIds(ids);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user || user.deleted) throw new NotFound('User');
    return user;
  }

  /** Author names for content: unknown and deleted accounts show as "deleted user". */
  async findPublicProfiles(ids: string[]): Promise<PublicProfile[]> {
    const found = new Map((await this.users.findByIds(ids)).map((user) => [user.id, user]));
    return ids.map((id) => {
      const user = found.get(id);
      if (!user || user.deleted) return { id, username: null, displayName: DELETED_USER_NAME };
      return { id, username: user.username, displayName: user.displayName };
    });
  }

  /** For @mentions: case-insensitive, unknown names are left out. */
  resolveUsernames(names: string[]): Promise<User[]> {
    const lower = [...new Set(names.map((name) => name.replace(/^@/, '').toLowerCase()))];
    return this.users.findByUsernamesLower(lower);
  }

  async recordNoticeAcknowledgement(userId: string, version: number): Promise<User> {
    const user = await this.users.pushAcknowledgement(userId, version, new Date());
    if (!user) throw new NotFound('User');
    return user;
  }

  async setRoles(userId: string, roles: Role[], byUser?: AuthUser): Promise<User> {
    const unique = [...new Set<Role>(['member', ...roles])];
    const user = await this.users.setRoles(userId, unique);
    if (!user) throw new NotFound('User');
    await this.record(byUser, 'user.roles_changed', userId, { reason: `roles: ${unique.join(', ')}` });
    await this.events.emit(ForumEvent.ModerationRightsChanged, { userId });
    return user;
  }

  async setModeratedForums(userId: string, forumIds: string[], byUser?: AuthUser): Promise<User> {
    const before = await this.users.findById(userId);
    const user = await this.users.setModeratedForums(userId, [...new Set(forumIds)]);
    if (!before || !user) throw new NotFound('User');
    await this.record(byUser, 'user.moderated_forums_changed', userId, {
      reason: `forums: ${user.moderatedForumIds.join(', ') || 'none'}`,
    });
    const { added, removed } = difference(before.moderatedForumIds, user.moderatedForumIds);
    await this.events.emit(ForumEvent.ModerationRightsChanged, { userId, added, removed });
    return user;
  }

  /** A forum's own moderator list changed (forums module): those users' lists follow. */
  @OnEvent(ForumEvent.ModerationRightsChanged, { async: true, promisify: true })
  async followForumModerators(change: P['moderation.rights_changed']): Promise<void> {
    if (!('forumId' in change)) return;
    for (const userId of change.added ?? []) await this.users.addModeratedForum(userId, change.forumId);
    for (const userId of change.removed ?? []) await this.users.removeModeratedForum(userId, change.forumId);
  }

  /** Silence, suspend or lift both; audited, then `user.restricted` (the socket layer drops suspended users). */
  async restrict(userId: string, restriction: Restriction): Promise<User> {
    const until = restriction.until ? new Date(restriction.until) : INDEFINITELY;
    const user = await this.users.setRestriction(userId, {
      silencedUntil: restriction.status === 'silenced' ? until : null,
      suspendedUntil: restriction.status === 'suspended' ? until : null,
      restrictionReason: restriction.status === 'active' ? null : restriction.reason,
    });
    if (!user) throw new NotFound('User');
    const action = restriction.status === 'active' ? 'user.restriction_lifted' : `user.${restriction.status}`;
    await this.record(restriction.byUser, action, userId, { reason: restriction.reason });
    const untilIso = restriction.status === 'active' ? undefined : until.toISOString();
    await this.events.emit(ForumEvent.UserRestricted, {
      userId,
      status: restriction.status,
      until: untilIso,
    });
    return user;
  }

  private async record(
    byUser: AuthUser | undefined,
    action: string,
    userId: string,
    extra: { reason: string },
  ) {
    await this.audit.record({
      actorId: byUser?.id ?? null,
      actorRole: actorRoleOf(byUser),
      action,
      targetType: 'user',
      targetId: userId,
      subjectUserIds: [userId],
      ...extra,
    });
  }
}
