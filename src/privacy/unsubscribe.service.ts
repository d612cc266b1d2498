import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import type { NotificationKind } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';
import { signUnsubscribeToken, unsubscribeKey, verifyUnsubscribeToken } from './unsubscribe-token';

/** One-click unsubscribe links for emails: signed for one user and one kind, usable without signing in. */
@Injectable()
export class UnsubscribeService {
  private readonly key: Buffer;

  constructor(
    private readonly accounts: UserAccountsService,
    private readonly config: AppConfig,
  ) {
    this.key = unsubscribeKey(config.JWT_SECRET ?? '');
  }

  tokenFor(userId: string, kind: NotificationKind): string {
    return signUnsubscribeToken(this.key, { userId, kind });
  }

  /** The link to put in an email about `kind` (relative when PUBLIC_URL is unset). */
  linkFor(userId: string, kind: NotificationKind): string {
    const base = (this.config.PUBLIC_URL ?? '').replace(/\/$/, '');
    return `${base}/api/unsubscribe?token=${encodeURIComponent(this.tokenFor(userId, kind))}`;
  }

  /** Idempotent: emails of that kind stop for the user the link was made for, and only them. */
  async unsubscribe(token: string): Promise<{ unsubscribed: true; kind: NotificationKind }> {
    const claims = verifyUnsubscribeToken(this.key, token);
    if (!claims) throw new AppError('link_invalid', 'This unsubscribe link is not valid');
    const user = await this.accounts.findById(claims.userId);
    if (user && !user.deleted) {
      await this.accounts.updatePreferences(claims.userId, { [claims.kind]: { email: false } });
    }
    return { unsubscribed: true, kind: claims.kind };
  }
}
