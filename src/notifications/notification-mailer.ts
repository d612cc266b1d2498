import { Injectable } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import { AppConfig } from '../infra/config/app-config';
import { publicBaseUrl } from '../infra/config/public-url';
import { MailQueue } from '../mail/mail-queue.service';
import { TopicRepository } from '../posts/topic.repository';
import type { User } from '../users/user';
import type { NewNotification } from './notification';

/**
 * The mail side of notifications, for recipients who want this kind by email and have a confirmed address.
 * Replies, mentions and quotes gather into one mail per recipient, topic and kind until the quiet period has
 * passed (Discourse mails after a delay too); moderation decisions go at once.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    private readonly mail: MailQueue,
    private readonly topics: TopicRepository,
    private readonly forums: ForumsService,
    private readonly config: AppConfig,
  ) {}

  wants(recipient: User, input: NewNotification): boolean {
    return (
      !!recipient.email &&
      !!recipient.emailVerifiedAt &&
      !!recipient.notificationPreferences[input.kind]?.email
    );
  }

  scrubPending(removed: Array<{ value: string; label: string }>): Promise<number> {
    return this.mail.replaceInPending(removed);
  }

  /** Idempotent per `onceKey`: a redelivered event adds nothing to the mail. */
  async send(recipient: User, input: NewNotification, onceKey: string, authorName: string): Promise<void> {
    if (!this.wants(recipient, input) || !recipient.email) return;
    const base = publicBaseUrl(this.config);
    const topicUrl = input.link.topicId ? `${base}/t/${input.link.topicId}` : `${base}/notifications`;
    if (input.kind === 'moderation') {
      await this.mail.enqueue({
        to: recipient.email,
        userId: recipient.id,
        template: 'moderation',
        category: 'moderation',
        data: { username: recipient.username, summary: input.summary, reason: input.reason, url: topicUrl },
      });
      return;
    }
    const topicId = input.link.topicId;
    if (!topicId) return;
    const topic = await this.topics.findById(topicId);
    const forum = topic ? await this.forums.findById(topic.forumId) : null;
    if (!topic || !forum) return;
    const type = input.type === 'mention' ? 'mention' : input.type === 'quote' ? 'quote' : 'reply';
    await this.mail.gather(
      `activity:${input.kind}:${recipient.id}:${topicId}`,
      {
        to: recipient.email,
        userId: recipient.id,
        template: 'activity',
        category: input.kind,
        data: {
          username: recipient.username,
          forumName: forum.name,
          topicTitle: topic.title,
          topicUrl,
          items: [],
        },
      },
      {
        listField: 'items',
        value: { type, authorName, excerpt: input.excerpt ?? '', url: topicUrl },
        onceKey,
      },
      this.config.MAIL_QUIET_PERIOD_MINUTES * 60_000,
    );
  }
}
