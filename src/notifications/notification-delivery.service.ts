import { Injectable } from '@nestjs/common';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { UsersService } from '../users/users.service';
import { excerptOf } from './excerpt';
import type { User } from '../users/user';
import type { NewNotification, Notification } from './notification';
import { NotificationMailer } from './notification-mailer';
import { NotificationRepository } from './notification.repository';

/**
 * Creates inbox entries (respecting the recipient's in-app preference for that kind) and announces them with
 * `notification.created`, which the realtime broadcaster delivers to the user's own room. Also the redaction
 * side of notifications: excerpts are rewritten when personal data is removed from the content they quote.
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly mailer: NotificationMailer,
  ) {}

  /**
   * Several notifications about one event (a reply, its mentions), in one read of the recipients and one
   * insert, each at most once however often the event is delivered (`onceKey`). `causeId`: the document that
   * caused them (its id orders them); `at`: when it happened.
   */
  async notifyOnce(
    entries: Array<{ input: NewNotification; onceKey: string; mail?: boolean }>,
    causeId: string,
    at: Date,
    about: { actorName: string; readable: (recipient: User) => boolean | Promise<boolean> },
  ): Promise<void> {
    if (entries.length === 0) return;
    const recipients = await this.users.findByIds(entries.map((entry) => entry.input.userId));
    const byId = new Map(recipients.map((user) => [user.id, user]));
    const reachable: Array<{ entry: (typeof entries)[number]; recipient: User }> = [];
    for (const entry of entries) {
      const recipient = byId.get(entry.input.userId);
      // Never about content the recipient cannot read (a members-only forum, a suspended account).
      if (recipient && !recipient.deleted && (await about.readable(recipient)))
        reachable.push({ entry, recipient });
    }
    const wanted = reachable
      .filter(({ entry, recipient }) => !!recipient.notificationPreferences[entry.input.kind]?.inApp)
      .map(({ entry }) => ({ input: entry.input, onceKey: entry.onceKey }));
    const stored = await this.notifications.insertOnce(wanted, causeId, at);
    for (const notification of stored) {
      await this.events.emit(ForumEvent.NotificationCreated, {
        userId: notification.userId,
        notification: { ...notification },
      });
    }
    for (const { entry, recipient } of reachable) {
      if (entry.mail === false) continue;
      await this.mailer.send(recipient, entry.input, `${causeId}:${entry.onceKey}`, about.actorName);
    }
  }

  /** Null when the recipient is gone or turned this kind of notification off. */
  async notify(input: NewNotification): Promise<Notification | null> {
    const recipient = await this.users.findById(input.userId);
    if (!recipient || recipient.deleted) return null;
    await this.mailer.send(recipient, input, `notify:${input.type}:${Date.now()}`, '');
    if (!recipient.notificationPreferences[input.kind]?.inApp) return null;
    const notification = await this.notifications.insert(input, new Date());
    await this.events.emit(ForumEvent.NotificationCreated, {
      userId: notification.userId,
      notification: { ...notification },
    });
    return notification;
  }

  /**
   * After a redaction: entries quoting this content get an excerpt of the redacted text, and any other
   * excerpt still holding a removed value has it replaced. Returns how many entries changed.
   */
  async scrubContent(
    link: { postId?: string; messageId?: string },
    redactedSource: string,
    removed: Array<{ value: string; label: string }>,
  ): Promise<number> {
    let changed = await this.notifications.rewriteExcerpts(link, excerptOf(redactedSource));
    for (const { value, label } of removed) {
      changed += await this.notifications.replaceInExcerpts(value, label);
    }
    // Mail waiting for its quiet period quotes the same excerpts (a side store, like the inbox).
    await this.mailer.scrubPending(removed);
    return changed;
  }
}
