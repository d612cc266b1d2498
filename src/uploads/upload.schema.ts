import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { UploadFindings, UploadKind } from './upload';

@Schema({ collection: 'uploads', versionKey: false })
export class UploadRecord {
  // 128 random bits (base64url): the media URL carries it, so it must not be guessable like an ObjectId.
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) ownerId!: string;
  @Prop({ required: true }) forumId!: string;
  @Prop({ type: String, default: null }) postId!: string | null;
  @Prop({ type: String, required: true }) kind!: UploadKind;
  @Prop({ required: true }) mime!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) size!: number;
  @Prop({ type: Number, default: null }) width!: number | null;
  @Prop({ type: Number, default: null }) height!: number | null;
  @Prop({ required: true }) storageKey!: string;
  @Prop({ type: Object, default: null }) findings!: UploadFindings | null;
  @Prop({ type: [String], default: [] }) removed!: string[];
  @Prop({ required: true }) createdAt!: Date;
}

export const UploadSchema = SchemaFactory.createForClass(UploadRecord);
// Quotas (per user, per user and forum, per day), account deletion and the export.
UploadSchema.index({ ownerId: 1, createdAt: -1 });
// Removed with the post; orphans are the ones still without a post (postId null) after UPLOAD_ORPHAN_HOURS.
UploadSchema.index({ postId: 1, createdAt: 1 });
// A stored blob is shared by every upload with the same content: it goes when the last of them does.
UploadSchema.index({ storageKey: 1 });
