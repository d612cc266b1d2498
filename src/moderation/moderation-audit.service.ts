import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { isGlobalModerator } from '../auth/forum-moderation.policy';
import type { AuditFilter, AuditPage } from '../audit/audit-entry';
import { AuditLogService } from '../audit/audit-log.service';
import { Forbidden } from '../infra/errors/app-error';
import type { ModerationAuditQuery } from './dto/moderation-audit.query';
import { ModerationAccessService } from './moderation-access.service';

/**
 * The audit log as moderators read it: admins and global moderators everything, forum moderators the
 * entries of their forums. Read only; the log itself refuses updates and deletes.
 */
@Injectable()
export class ModerationAuditService {
  constructor(
    private readonly audit: AuditLogService,
    private readonly access: ModerationAccessService,
  ) {}

  list(user: AuthUser, query: ModerationAuditQuery): Promise<AuditPage> {
    const { forum, cursor, limit, ...rest } = query;
    const filter: AuditFilter = { ...rest };
    if (forum) {
      this.access.assertModeratesForum(user, forum);
      filter.forumId = forum;
    } else if (!isGlobalModerator(user)) {
      if (user.moderatedForumIds.length === 0) throw new Forbidden('You do not moderate any forum');
      filter.forumIds = user.moderatedForumIds;
    }
    return this.audit.list(filter, cursor, limit);
  }
}
