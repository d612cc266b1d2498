import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  AdminUserResponse,
  NoticeAcknowledgementResponse,
  NotificationPreferencesResponse,
} from '../../users/dto/user.responses';

export class ExportProfileResponse extends AdminUserResponse {
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'A new address waiting for confirmation' })
  pendingEmail!: string | null;
  @ApiProperty({ type: NotificationPreferencesResponse })
  notificationPreferences!: NotificationPreferencesResponse;
}

/**
 * GET /api/me/export. After the fixed fields come the sections the modules register with PrivacyRegistry, each a
 * list of records: `accountActions`, `forumPosts` (with revisions), `boardMessages`, `reportsFiled`,
 * `notifications`, `moderationOfContent`. (A schema object, not a class: a class cannot say "and any number of
 * further list-valued sections".)
 */
export const DATA_EXPORT_SCHEMA = {
  type: 'object',
  required: ['exportedAt', 'format', 'profile', 'noticeAcknowledgements'],
  properties: {
    exportedAt: { type: 'string', format: 'date-time' },
    format: { type: 'string', enum: ['parley-export/1'] },
    profile: { $ref: getSchemaPath(ExportProfileResponse) },
    noticeAcknowledgements: { type: 'array', items: { $ref: getSchemaPath(NoticeAcknowledgementResponse) } },
  },
  additionalProperties: {
    type: 'array',
    items: { type: 'object' },
    description: 'One list per registered section (accountActions, forumPosts, boardMessages, …)',
  },
};

export class UnsubscribedResponse {
  @ApiProperty({ enum: [true] }) unsubscribed!: true;
  @ApiProperty({ enum: ['replies', 'mentions', 'moderation', 'mailings'] }) kind!: string;
}
