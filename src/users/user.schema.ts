import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role } from '../auth/access-policy';
import type { NotificationPreferences } from './user';

@Schema({ _id: false, versionKey: false })
export class NoticeAcknowledgementRecord {
  @Prop({ type: Number, required: true }) version!: number;
  @Prop({ type: Date, required: true }) acknowledgedAt!: Date;
}
const NoticeAcknowledgementSchema = SchemaFactory.createForClass(NoticeAcknowledgementRecord);

/**
 * One account. A deleted account stays as a tombstone (deletedAt set, personal fields erased) so content that
 * keeps its authorId shows "deleted user"; its username and email are replaced by placeholders that no
 * registration can produce, which frees the originals for new accounts.
 */
@Schema({ collection: 'users', versionKey: false })
export class UserRecord {
  @Prop({ type: String, required: true }) username!: string;
  // No collations in the portable query subset, so case-insensitive uniqueness uses a lower-cased copy.
  // Unique through UniqueClaims (src/infra/database/unique-claims.ts): the value changes on erasure.
  @Prop({ type: String, required: true, index: true }) usernameLower!: string;
  @Prop({ type: String, default: null }) email!: string | null;
  // Trimmed and lower-cased; unique. Deleted accounts hold a placeholder so the address can register again.
  // Unique through UniqueClaims, like usernameLower: it changes with the address.
  @Prop({ type: String, required: true, index: true }) emailNormalized!: string;
  // Null until the owner follows the link mailed to the address; notification mail goes to verified addresses only.
  @Prop({ type: Date, default: null }) emailVerifiedAt!: Date | null;
  // An address the owner asked to change to: used only once confirmed through the link mailed to it.
  @Prop({ type: String, default: null }) pendingEmail!: string | null;
  @Prop({ type: String, required: true }) displayName!: string;
  @Prop({ type: String, default: null }) passwordHash!: string | null;
  @Prop({ type: [String], default: ['member'] }) roles!: Role[];
  @Prop({ type: [String], default: [] }) moderatedForumIds!: string[];
  @Prop({ type: Date, default: null }) silencedUntil!: Date | null;
  @Prop({ type: Date, default: null }) suspendedUntil!: Date | null;
  @Prop({ type: String, default: null }) restrictionReason!: string | null;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, default: null }) lastSeenAt!: Date | null;
  @Prop({ type: Object, default: null }) notificationPreferences!: Partial<NotificationPreferences> | null;
  @Prop({ type: [NoticeAcknowledgementSchema], default: [] })
  noticeAcknowledgements!: NoticeAcknowledgementRecord[];
  @Prop({ type: Date, default: null }) deletedAt!: Date | null;
  // When the last periodic summary (digest) was mailed; the next one covers what happened since.
  @Prop({ type: Date, default: null }) digestSentAt!: Date | null;
  // The account's live sessions, session id → end, mirrored from auth_sessions so that signing a request in
  // costs one read of the account instead of two. A map, so each session is set and unset by its own key.
  @Prop({ type: Object, default: {} }) liveSessions!: Record<string, Date>;
}

export const UserSchema = SchemaFactory.createForClass(UserRecord);
// The digest job walks the accounts that turned the periodic summary on, by _id.
UserSchema.index({ 'notificationPreferences.mailings.email': 1, _id: 1 });
