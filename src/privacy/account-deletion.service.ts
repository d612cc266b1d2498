import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AccountService } from '../auth/account.service';
import { SessionService } from '../auth/session.service';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { UserAccountsService } from '../users/user-accounts.service';

/**
 * DELETE /api/me. Personal fields are erased at once and every session ends; `user.deleted` then lets posts
 * and boards anonymise the author's content (or delete it when asked) and notices forget acknowledgements.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly account: AccountService,
    private readonly accounts: UserAccountsService,
    private readonly sessions: SessionService,
    private readonly events: EventBus,
  ) {}

  async delete(user: AuthUser, password: string, deletePosts: boolean): Promise<void> {
    await this.account.assertPassword(user.id, password);
    await this.accounts.erase(user.id);
    await this.sessions.forgetAllOf(user.id);
    await this.events.emit(ForumEvent.UserDeleted, { userId: user.id, deletePosts });
    await this.events.emit(ForumEvent.UserErased, { userId: user.id, username: user.username });
  }
}
