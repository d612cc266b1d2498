import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { NotFound } from '../infra/errors/app-error';
import type { Notification, NotificationPage } from './notification';
import { NotificationRepository } from './notification.repository';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/** A user's own inbox: reading it and marking entries read. Nobody reads another user's inbox. */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly notifications: NotificationRepository) {}

  async page(user: AuthUser, cursor?: string, limit = DEFAULT_PAGE): Promise<NotificationPage> {
    const size = Math.min(Math.max(limit, 1), MAX_PAGE);
    const rows = await this.notifications.page(user.id, cursor, size + 1);
    const items = rows.slice(0, size);
    return { items, nextCursor: rows.length > size ? items[items.length - 1].id : null };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.markRead(user.id, id, new Date());
    if (!notification) throw new NotFound('Notification');
    return notification;
  }

  async markAllRead(user: AuthUser): Promise<{ marked: number; unread: number }> {
    const marked = await this.notifications.markAllRead(user.id, new Date());
    return { marked, unread: await this.notifications.countUnread(user.id) };
  }

  async unreadCount(user: AuthUser): Promise<{ unread: number }> {
    return { unread: await this.notifications.countUnread(user.id) };
  }
}
