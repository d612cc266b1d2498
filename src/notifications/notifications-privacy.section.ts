import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { NotificationRepository } from './notification.repository';

/**
 * The user's inbox in their data export. Excerpts of other people's replies and mentions are left out (that
 * text is theirs), and so are the ids of who replied; the links and any moderator's reason stay.
 */
@Injectable()
export class NotificationsPrivacySection implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly notifications: NotificationRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'notifications', export: (userId) => this.export(userId) });
  }

  private async export(userId: string) {
    const items = await this.notifications.listAll(userId);
    return items.map(({ type, summary, reason, action, link, readAt, createdAt }) => ({
      type,
      summary,
      reason,
      action,
      link,
      readAt,
      createdAt,
    }));
  }
}
