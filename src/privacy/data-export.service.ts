import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AuditLogService } from '../audit/audit-log.service';
import { toAccountView } from '../users/user';
import { UsersService } from '../users/users.service';
import { PrivacyRegistry } from './privacy-registry';

const AUDIT_PAGE = 100;

/** GET /api/me/export: the profile, then every section other modules registered, as one JSON document. */
@Injectable()
export class DataExportService implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly users: UsersService,
    private readonly audit: AuditLogService,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({
      name: 'accountActions',
      export: (userId) => this.accountActions(userId),
    });
  }

  async exportFor(user: AuthUser) {
    const account = toAccountView(await this.users.getById(user.id));
    const { noticeAcknowledgements, ...profile } = account;
    return {
      exportedAt: new Date().toISOString(),
      format: 'parley-export/1',
      profile,
      noticeAcknowledgements,
      ...(await this.registry.exportAll(user.id)),
    };
  }

  /** Actions taken on the account (roles, silences, suspensions): who acted is shown by role, not by name. */
  private async accountActions(userId: string) {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await this.audit.list({ subjectUserId: userId }, cursor, AUDIT_PAGE);
      items.push(
        ...page.items.map(({ at, action, actorRole, reason }) => ({ at, action, actorRole, reason })),
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }
}
