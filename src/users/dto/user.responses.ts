import { ApiProperty } from '@nestjs/swagger';

const ROLES = ['member', 'moderator', 'admin'];
const STATUSES = ['active', 'silenced', 'suspended'];

/** What an admin sees of an account (GET /api/admin/users/:id): no password hash, preferences or notices. */
export class AdminUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'ada_l' }) username!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null once the account is deleted' })
  email!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ type: [String], description: 'Forum ids this user moderates' }) moderatedForumIds!: string[];
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) silencedUntil!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedUntil!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Shown to the user' }) restrictionReason!:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
}

export class AdminUserPageResponse {
  @ApiProperty({ type: [AdminUserResponse] }) items!: AdminUserResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ChannelPreferencesResponse {
  @ApiProperty() inApp!: boolean;
  @ApiProperty() email!: boolean;
}

/** Per kind of notification, per channel. */
export class NotificationPreferencesResponse {
  @ApiProperty({ type: ChannelPreferencesResponse }) replies!: ChannelPreferencesResponse;
  @ApiProperty({ type: ChannelPreferencesResponse }) mentions!: ChannelPreferencesResponse;
  @ApiProperty({ type: ChannelPreferencesResponse }) moderation!: ChannelPreferencesResponse;
  @ApiProperty({ type: ChannelPreferencesResponse }) mailings!: ChannelPreferencesResponse;
}

export class NoticeAcknowledgementResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt!: string;
}

/** The signed-in user's own account (GET /api/me): the admin's view plus their own settings. */
export class AccountResponse extends AdminUserResponse {
  @ApiProperty({ description: 'Whether the address was confirmed through the mailed link' })
  emailVerified!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A new address waiting for its confirmation link',
  })
  pendingEmail!: string | null;
  @ApiProperty({ type: NotificationPreferencesResponse })
  notificationPreferences!: NotificationPreferencesResponse;
  @ApiProperty({ type: [NoticeAcknowledgementResponse] })
  noticeAcknowledgements!: NoticeAcknowledgementResponse[];
}
