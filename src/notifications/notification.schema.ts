import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { NotificationKind, NotificationLink, NotificationType } from './notification';

@Schema({ collection: 'notifications', versionKey: false })
export class NotificationRecord {
  @Prop({ required: true }) userId!: string;
  @Prop({ type: String, required: true }) kind!: NotificationKind;
  @Prop({ type: String, required: true }) type!: NotificationType;
  @Prop({ required: true }) summary!: string;
  @Prop({ type: String, default: null }) excerpt!: string | null;
  @Prop({ type: String, default: null }) reason!: string | null;
  @Prop({ type: String, default: null }) action!: string | null;
  @Prop({ type: String, default: null }) actorId!: string | null;
  @Prop({ type: Object, default: {} }) link!: NotificationLink;
  @Prop({ type: Date, default: null }) readAt!: Date | null;
  @Prop({ required: true }) createdAt!: Date;
}

export const NotificationSchema = SchemaFactory.createForClass(NotificationRecord);
// The inbox, newest first by _id cursor; and the unread count.
NotificationSchema.index({ userId: 1, _id: -1 });
NotificationSchema.index({ userId: 1, readAt: 1 });
