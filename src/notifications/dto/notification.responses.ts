import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationLinkResponse {
  @ApiPropertyOptional() forumId?: string;
  @ApiPropertyOptional() topicId?: string;
  @ApiPropertyOptional() postId?: string;
  @ApiPropertyOptional() messageId?: string;
  @ApiPropertyOptional() seq?: number;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['replies', 'mentions', 'moderation'] }) kind!: string;
  @ApiProperty({
    enum: [
      'reply',
      'mention',
      'quote',
      'watched_post',
      'content_moderated',
      'post_approved',
      'post_rejected',
      'account_restricted',
      'account_restriction_lifted',
    ],
  })
  type!: string;
  @ApiProperty({ example: 'A moderator hid your post' }) summary!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A short cut of the text at most' }) excerpt!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The moderation action (`hide`, `redact`, …)' })
  action!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Repliers and mentioners; never a moderator' })
  actorId!: string | null;
  @ApiProperty({ type: NotificationLinkResponse }) link!: NotificationLinkResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class UnreadCountResponse {
  @ApiProperty() unread!: number;
}

export class MarkedReadResponse {
  @ApiProperty({ description: 'How many were marked read now' }) marked!: number;
  @ApiProperty() unread!: number;
}
