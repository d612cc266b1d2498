import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import type { User } from '../users/user';
import { UsersService } from '../users/users.service';
import { ModerationAccessService } from './moderation-access.service';

export interface RestrictionInput {
  /** ISO time in the future; omitted: until lifted. */
  until?: string;
  reason: string;
}

/** What a moderator sees of the account they restricted. */
export interface RestrictedUserView {
  id: string;
  username: string;
  status: User['status'];
  silencedUntil: string | null;
  suspendedUntil: string | null;
  restrictionReason: string | null;
}

/**
 * Silence (cannot post) and suspend (cannot sign in), until a time, with a reason; and lifting either.
 * UsersService.restrict stores it, writes the one audit entry and emits `user.restricted` (the author's
 * notification and the socket disconnect follow from that event).
 */
@Injectable()
export class UserActionsService {
  constructor(
    private readonly users: UsersService,
    private readonly access: ModerationAccessService,
  ) {}

  restrict(user: AuthUser, userId: string, status: 'silenced' | 'suspended', input: RestrictionInput) {
    if (input.until && Date.parse(input.until) <= Date.now()) {
      throw new AppError('restriction_end_in_past', 'The end of a restriction must be in the future');
    }
    return this.apply(user, userId, { status, until: input.until, reason: input.reason });
  }

  lift(user: AuthUser, userId: string, reason: string) {
    return this.apply(user, userId, { status: 'active', reason });
  }

  private async apply(
    user: AuthUser,
    userId: string,
    change: { status: User['status']; until?: string; reason: string },
  ): Promise<RestrictedUserView> {
    if (userId === user.id)
      throw new AppError('forbidden', 'You cannot restrict or release your own account');
    await this.users.getById(userId);
    await this.access.assertNotOverAdmin(user, userId);
    const updated = await this.users.restrict(userId, { ...change, byUser: user });
    return {
      id: updated.id,
      username: updated.username,
      status: updated.status,
      silencedUntil: updated.silencedUntil,
      suspendedUntil: updated.suspendedUntil,
      restrictionReason: updated.restrictionReason,
    };
  }
}
